using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cooperation.EndToEnd.Tests.Platform;

namespace Cooperation.EndToEnd.Tests.Security;

/// <summary>
/// Issue 13: the Court runs several gateway instances (Kubernetes, 2 to 6) behind one address, and a person's sign-in
/// crosses them: the sign-in page from one, the form posted to another, the code issued by a third and redeemed at
/// the first. Each step used to work only on the instance that began it (per-process data-protection keys and
/// OpenIddict encryption key). Two real gateway processes share one PostgreSQL identity store and the key files,
/// as the manifests give them.
/// </summary>
[Collection(PlatformCollection.Name)]
[Trait("Database", "Postgres")]
public sealed partial class GatewayInstancesTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("coop-gateways-").FullName;
    private readonly string _database = "coop_gateways_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _consoleSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
    private readonly string _password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
    private const string RedirectUri = "http://127.0.0.1:9/console/signin-gateway";

    [Fact]
    public async Task A_person_signs_in_across_two_gateway_instances_and_gets_a_token_from_either()
    {
        var issuerPort = ServiceProcess.FreePort();
        // One after the other: the first creates the store and the key files, the second finds them.
        await using var a = Launch("gateway-a", issuerPort, issuerPort);
        await WaitReadyAsync(a);
        await using var b = Launch("gateway-b", ServiceProcess.FreePort(), issuerPort);
        await WaitReadyAsync(b);

        // One browser: cookies follow it from instance to instance (as behind one address).
        var cookies = new CookieContainer();
        using var atA = Browser(a.BaseAddress, cookies);
        using var atB = Browser(b.BaseAddress, cookies);
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = $"/connect/authorize?response_type=code&client_id=console&redirect_uri={Uri.EscapeDataString(RedirectUri)}" +
                        $"&code_challenge={challenge}&code_challenge_method=S256&state=s1";

        // The sign-in page (and its antiforgery token) from A; the form posted to B.
        using var page = await atA.GetAsync("/account/signin?returnUrl=" + Uri.EscapeDataString(authorize));
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, html);
        var hidden = HiddenField().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        hidden["username"] = "registry-officer";
        hidden["password"] = _password;
        using var signedIn = await atB.PostAsync("/account/signin", new FormUrlEncodedContent(hidden));
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"{(int)signedIn.StatusCode} {await signedIn.Content.ReadAsStringAsync()}");
        Assert.Equal(authorize, signedIn.Headers.Location!.OriginalString);

        // The session cookie B set, presented to A: A issues the code without asking again.
        using var authorized = await atA.GetAsync(authorize);
        Assert.True(authorized.StatusCode == HttpStatusCode.Redirect, $"{(int)authorized.StatusCode} {await authorized.Content.ReadAsStringAsync()}");
        var back = authorized.Headers.Location!;
        Assert.StartsWith(RedirectUri, back.OriginalString);
        var query = System.Web.HttpUtility.ParseQueryString(back.Query);
        Assert.Equal("s1", query["state"]);
        var code = query["code"] ?? throw new Xunit.Sdk.XunitException("no code in " + back);

        // The code A issued, redeemed at B: a token for the person's desk.
        using var token = await atB.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = RedirectUri, ["code_verifier"] = verifier,
            ["client_id"] = "console", ["client_secret"] = _consoleSecret,
        }));
        var body = await token.Content.ReadAsStringAsync();
        Assert.True(token.StatusCode == HttpStatusCode.OK, body);
        var accessToken = (string)JsonNode.Parse(body)!["access_token"]!;
        var payload = JsonNode.Parse(Encoding.UTF8.GetString(Base64UrlDecode(accessToken.Split('.')[1])))!;
        Assert.Contains("registry", payload["scope"]!.ToJsonString());
        Assert.Equal($"http://127.0.0.1:{issuerPort}/", (string)payload["iss"]!);

        // Both instances kept one key ring, in the shared store.
        var server = new Npgsql.NpgsqlConnectionStringBuilder(PostgresServer) { Database = _database };
        await using var connection = new Npgsql.NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM \"DataProtectionKeys\"", connection);
        Assert.True((long)(await count.ExecuteScalarAsync())! >= 1);
    }

    private ServiceProcess Launch(string name, int port, int issuerPort)
    {
        var server = new Npgsql.NpgsqlConnectionStringBuilder(PostgresServer) { Database = _database };
        var settings = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = TestEnvironment.Current.OtlpEndpoint,
            ["OTEL_SERVICE_NAME"] = name,
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = server.ConnectionString,
            ["Identity__Issuer"] = $"http://127.0.0.1:{issuerPort}/",
            ["Identity__SigningKeyPath"] = Path.Combine(_data, "keys", "gateway-signing.pem"),
            ["Identity__EncryptionKeyPath"] = Path.Combine(_data, "keys", "gateway-encryption.pem"),
            ["Identity__Clients__0__ClientId"] = "console",
            ["Identity__Clients__0__Secret"] = _consoleSecret,
            ["Identity__Clients__0__RedirectUris__0"] = RedirectUri,
            ["Identity__People__0__UserName"] = "registry-officer",
            ["Identity__People__0__Password"] = _password,
            ["Identity__People__0__Desk"] = "registry",
        };
        return ServiceProcess.Start(name, TestEnvironment.Current.ServiceDll("gateway/Gateway", "Cooperation.Gateway"), port, settings);
    }

    /// <summary>Listening, with its store migrated and seeded: the discovery document answers.</summary>
    private static async Task WaitReadyAsync(ServiceProcess gateway)
    {
        using var http = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (DateTime.UtcNow < deadline && !gateway.HasExited)
        {
            try
            {
                using var discovery = await http.GetAsync("/.well-known/openid-configuration");
                if (discovery.IsSuccessStatusCode && gateway.Output.Contains("is ready, listening on")) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(250);
        }
        await Task.Delay(1000); // the last lines of a process that exited
        throw new TimeoutException($"{gateway.BaseAddress} did not become ready (exited: {gateway.HasExited}):\n{gateway.Output}");
    }

    private static HttpClient Browser(Uri address, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenField();

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Base64UrlDecode(string s)
    {
        s = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }

    private static string PostgresServer =>
        Environment.GetEnvironmentVariable("COOP_TEST_POSTGRES") is { Length: > 0 } pg
            ? pg
            : throw new InvalidOperationException("COOP_TEST_POSTGRES is not set: run the tests with infra/test, which starts PostgreSQL.");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await using (var connection = new Npgsql.NpgsqlConnection(PostgresServer))
        {
            await connection.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }
}
