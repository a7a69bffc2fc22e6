using Microsoft.IdentityModel.JsonWebTokens;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Platform;

namespace Cooperation.EndToEnd.Tests.Security;

/// <summary>
/// Issue 12 item 7: rotating the gateway's token signing key (gateway/Gateway/README.md, "Rotating the signing key").
/// The new key is published ahead, so the services know it before it signs; then tokens signed with the old key stay
/// valid, at the gateway and at the services behind it, while the old key is retired but still published, and tokens
/// signed with the new key are accepted by the services at once; once the old key is removed, its tokens are refused
/// at the gateway.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SigningKeyRotationTests(PlatformFixture platform)
{
    private const string Desk = "registry-desk";

    [Fact]
    public async Task Old_tokens_stay_valid_through_a_rotation_and_are_refused_once_the_old_key_is_removed()
    {
        var oldKey = platform.SigningKeyPath;
        var newKey = Path.Combine(Path.GetDirectoryName(oldKey)!, $"rotated-{Guid.NewGuid():N}.pem");
        using (var rsa = RSA.Create(3072)) await File.WriteAllTextAsync(newKey, rsa.ExportPkcs8PrivateKeyPem());
        var before = await platform.RequestTokenAsync(Desk, platform.SecretOf(Desk));
        try
        {
            // 1. Publish the new key ahead, not signing yet; the old key still signs. A service fetches the key set again
            //    every Auth:KeySetRefreshInterval (at least 5 minutes): here a restart of the Registry stands for that wait.
            await platform.RestartAsync("gateway", new Dictionary<string, string>
            {
                ["Identity__SigningKeyPath"] = oldKey,
                ["Identity__RetiredSigningKeyPaths__0"] = newKey,
            });
            Assert.Equal(2, (await PublishedKeyIdsAsync()).Count);
            await AssertStatusAsync(platform.Gateway.BaseAddress, before, HttpStatusCode.OK);
            await platform.RestartAsync("registry");
            await AssertStatusAsync(platform.Registry.BaseAddress, before, HttpStatusCode.OK);

            // 2. The rotation: the new key signs, the old one is retired (still published).
            await platform.RestartAsync("gateway", new Dictionary<string, string>
            {
                ["Identity__SigningKeyPath"] = newKey,
                ["Identity__RetiredSigningKeyPaths__0"] = oldKey,
            });
            var after = await platform.RequestTokenAsync(Desk, platform.SecretOf(Desk));
            Assert.NotEqual(KeyIdOf(before), KeyIdOf(after));
            var published = await PublishedKeyIdsAsync();
            Assert.Contains(KeyIdOf(before), published);
            Assert.Contains(KeyIdOf(after), published);
            // Both tokens work through the gateway and at the service itself, the new one at its first call.
            foreach (var token in new[] { after, before })
            {
                await AssertStatusAsync(platform.Registry.BaseAddress, token, HttpStatusCode.OK);
                await AssertStatusAsync(platform.Gateway.BaseAddress, token, HttpStatusCode.OK);
            }

            // 3. After one token lifetime the retired key goes: its tokens are refused at the gateway; the new ones stay good.
            await platform.RestartAsync("gateway", new Dictionary<string, string> { ["Identity__SigningKeyPath"] = newKey });
            Assert.DoesNotContain(KeyIdOf(before), await PublishedKeyIdsAsync());
            await AssertStatusAsync(platform.Gateway.BaseAddress, before, HttpStatusCode.Unauthorized);
            await AssertStatusAsync(platform.Gateway.BaseAddress, after, HttpStatusCode.OK);
        }
        finally
        {
            // The fixture's own tokens are signed with the original key: put it back for the tests that follow.
            await platform.RestartAsync("gateway");
            File.Delete(newKey);
        }
        await AssertStatusAsync(platform.Gateway.BaseAddress, before, HttpStatusCode.OK);
    }

    private static string KeyIdOf(string token) => new JsonWebToken(token).Kid;

    private async Task<List<string>> PublishedKeyIdsAsync()
    {
        using var http = PlatformFixture.CreateClient(platform.Gateway.BaseAddress, token: null);
        var jwks = JsonNode.Parse(await http.GetStringAsync("/.well-known/jwks"))!;
        return jwks["keys"]!.AsArray().Select(k => (string)k!["kid"]!).ToList();
    }

    private static async Task AssertStatusAsync(Uri at, string token, HttpStatusCode expected)
    {
        using var client = PlatformFixture.CreateClient(at, token);
        using var response = await client.GetAsync("/registry/requests?limit=1");
        Assert.True(response.StatusCode == expected, $"{at}: expected {(int)expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
