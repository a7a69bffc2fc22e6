using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Platform;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cooperation.EndToEnd.Tests.Security;

/// <summary>
/// Mints access tokens the way an attacker or a broken clock would: with the gateway's real key
/// (expired, wrong audience) or with a key of one's own (forged). A control token minted the same
/// way but valid proves the bad ones are refused for the stated reason only.
/// </summary>
public sealed class Tokens(PlatformFixture platform)
{
    public async Task<string> MintAsync(string scope, bool forged = false, string audience = "cooperation-platform",
        TimeSpan? expiresIn = null, string clientId = "minted-client")
    {
        var kid = await CurrentKeyIdAsync();
        using var rsa = RSA.Create();
        if (forged) rsa.KeySize = 3072;
        else rsa.ImportFromPem(await File.ReadAllTextAsync(platform.SigningKeyPath));
        // A copy: the handler keeps the key, the RSA instance is disposed here.
        var key = new RsaSecurityKey(RSA.Create(rsa.ExportParameters(includePrivateParameters: true))) { KeyId = kid };

        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromMinutes(5));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = platform.Issuer,
            Audience = audience,
            IssuedAt = expires < now ? expires - TimeSpan.FromMinutes(10) : now,
            NotBefore = expires < now ? expires - TimeSpan.FromMinutes(10) : now,
            Expires = expires,
            TokenType = "at+jwt",
            Claims = new Dictionary<string, object>
            {
                ["sub"] = clientId,
                ["client_id"] = clientId,
                ["scope"] = scope,
                ["jti"] = Guid.NewGuid().ToString(),
            },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private async Task<string> CurrentKeyIdAsync()
    {
        using var http = PlatformFixture.CreateClient(platform.Gateway.BaseAddress, token: null);
        var jwks = await http.GetFromJsonAsync<JsonObject>("/.well-known/jwks");
        return (string)jwks!["keys"]!.AsArray()[0]!["kid"]!;
    }
}
