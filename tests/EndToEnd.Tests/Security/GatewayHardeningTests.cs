using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Platform;
using Cooperation.EndToEnd.Tests.Requests;

namespace Cooperation.EndToEnd.Tests.Security;

/// <summary>
/// The gateway's and the services' findings of the penetration test (issue 16, items 6-12), each
/// attacked through the real gateway (or the real service, for calls that bypass it). Loopback has
/// the whole 127.0.0.0/8 on Linux: an attack from its own address (127.0.0.6x) leaves the budgets
/// of 127.0.0.1, where the other tests call from, untouched.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class GatewayHardeningTests(PlatformFixture platform)
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(20);

    // --- item 6: the token endpoint's budgets ------------------------------------------------------

    [Fact]
    public async Task Wrong_secrets_from_one_address_do_not_lock_out_a_client_that_authenticates_from_it()
    {
        using var shared = FromAddress(platform.Gateway.BaseAddress, "127.0.0.61");
        // The legitimate desk on that address has obtained a token before (partners ask again when it expires).
        using (var first = await TokenAsync(shared, "registry-desk", platform.SecretOf("registry-desk")))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        // The attacker on the same address: wrong secrets for a real client and for invented ones, each
        // claiming another address in X-Forwarded-For (no proxy is configured, so it must not count).
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 310; i++)
        {
            var clientId = i % 3 == 0 ? "state-uga-cms" : $"guessed-client-{i}";
            using var guess = await TokenAsync(shared, clientId, "wrong-secret-" + i, forwardedFor: $"10.{i / 250}.{i % 250}.7");
            statuses.Add(guess.StatusCode);
        }
        Assert.DoesNotContain(HttpStatusCode.OK, statuses);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses); // guessing is slowed down...

        // ... but the desk that authenticates from that address keeps its own allowance.
        using (var again = await TokenAsync(shared, "registry-desk", platform.SecretOf("registry-desk")))
            Assert.True(again.StatusCode == HttpStatusCode.OK, $"the legitimate client was locked out: {(int)again.StatusCode}");

        // The client whose secret was guessed is refused from the guessing address, even with its secret
        // (that address has spent its failures), and still gets its tokens from its own.
        using (var guessedHere = await TokenAsync(shared, "state-uga-cms", platform.SecretOf("state-uga-cms")))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, guessedHere.StatusCode);
            Assert.NotNull(guessedHere.Headers.RetryAfter);
        }
        using var ownAddress = PlatformFixture.CreateClient(platform.Gateway.BaseAddress, token: null);
        using (var fromItsOwn = await TokenAsync(ownAddress, "state-uga-cms", platform.SecretOf("state-uga-cms")))
            Assert.Equal(HttpStatusCode.OK, fromItsOwn.StatusCode);
    }

    // --- item 7: /health ---------------------------------------------------------------------------

    [Fact]
    public async Task Health_tells_strangers_one_status_word_is_cached_and_limited_and_gives_operators_each_backend()
    {
        using var anonymous = FromAddress(platform.Gateway.BaseAddress, "127.0.0.62");
        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(async _ =>
        {
            using var response = await anonymous.GetAsync("/health");
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        foreach (var (_, body) in answers)
        {
            var health = JsonNode.Parse(body)!.AsObject();
            Assert.Equal("Healthy", (string)health["status"]!);
            Assert.Null(health["backends"]);
            foreach (var code in PlatformFixture.States) Assert.DoesNotContain(code, body, StringComparison.OrdinalIgnoreCase);
        }
        // Forty calls at once were answered from few rounds of probes, each at least the cache period after
        // the one before (a round per call used to load every backend with the callers' rate).
        var rounds = answers.Select(a => DateTimeOffset.Parse((string)JsonNode.Parse(a.Body)!["checkedAt"]!)).Distinct().Order().ToList();
        Assert.True(rounds.Count < answers.Length / 4, $"{rounds.Count} rounds of probes for {answers.Length} calls");
        Assert.All(rounds.Zip(rounds.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(1.9),
            $"rounds at {pair.First:O} and {pair.Second:O}"));

        using var operatorConsole = platform.CreatePartnerClient("operator");
        using (var detailed = await operatorConsole.GetAsync("/health"))
        {
            Assert.Equal(HttpStatusCode.OK, detailed.StatusCode);
            var backends = (await detailed.ReadObjectAsync())["backends"]!.AsObject();
            Assert.Equal("Healthy", (string)backends["registry"]!);
            foreach (var code in PlatformFixture.States) Assert.Equal("Healthy", (string)backends[$"state-{code}"]!);
        }

        // A stranger hammering /health is limited like any anonymous caller.
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 400 && refused is null; i++)
        {
            var response = await anonymous.GetAsync("/health");
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused = response;
            else response.Dispose();
        }
        Assert.NotNull(refused);
        using (refused) await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, "/rate-limited");
    }

    // --- item 8: tokens in the Authorization header only -------------------------------------------

    [Fact]
    public async Task An_access_token_in_the_query_string_or_a_form_body_is_not_accepted()
    {
        var token = platform.TokenOf("registry-desk");
        using var anonymous = PlatformFixture.CreateClient(platform.Gateway.BaseAddress, token: null);
        // The gateway answers an unknown path itself: 404 with a valid token, 401 without one.
        using (var viaHeader = PlatformFixture.CreateClient(platform.Gateway.BaseAddress, token))
        using (var control = await viaHeader.GetAsync("/no/such/route"))
            Assert.Equal(HttpStatusCode.NotFound, control.StatusCode);

        using (var viaQuery = await anonymous.GetAsync($"/no/such/route?access_token={token}"))
            await AssertProblemAsync(viaQuery, HttpStatusCode.Unauthorized, "/unauthorized");
        using (var viaForm = await anonymous.PostAsync("/no/such/route",
                   new FormUrlEncodedContent(new Dictionary<string, string> { ["access_token"] = token })))
            await AssertProblemAsync(viaForm, HttpStatusCode.Unauthorized, "/unauthorized");
        using (var viaQueryToRegistry = await anonymous.GetAsync($"/registry/requests?access_token={token}"))
            await AssertProblemAsync(viaQueryToRegistry, HttpStatusCode.Unauthorized, "/unauthorized");
    }

    // --- item 9: token requests OpenIddict let through ---------------------------------------------

    [Theory]
    [InlineData("repeated scope", "invalid_request", "scope=registry", "scope=state:UGA")]
    [InlineData("NUL in scope", "invalid_request", "scope=registry%00")]
    [InlineData("openid under client credentials", "invalid_scope", "scope=openid%20registry")]
    [InlineData("offline_access", "invalid_scope", "scope=offline_access")]
    [InlineData("repeated client_id", "invalid_request", "client_id=registry-and-uganda")]
    public async Task A_token_request_with_a_malformed_or_identity_scope_is_refused_with_400(string what, string error, params string[] extra)
    {
        var form = $"grant_type=client_credentials&client_id=registry-and-uganda&client_secret={platform.SecretOf("registry-and-uganda")}&"
                   + string.Join('&', extra);
        using var http = PlatformFixture.CreateClient(platform.Gateway.BaseAddress, token: null);
        using var response = await http.PostAsync("/connect/token", new StringContent(form, Encoding.ASCII, "application/x-www-form-urlencoded"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode} {body}");
        Assert.Equal(error, (string)JsonNode.Parse(body)!["error"]!);
        Assert.DoesNotContain("access_token", body);
        Assert.DoesNotContain("id_token", body);
    }

    // --- item 10: the gateway starts the trace -----------------------------------------------------

    [Fact]
    public async Task A_partners_traceparent_does_not_choose_the_trace_it_is_only_linked()
    {
        using var registry = platform.CreatePartnerClient("registry");
        using var drafted = await registry.PostJsonAsync("/registry/requests", Samples.ArrestAndSurrender("UGA"));
        var id = (string)(await drafted.ReadObjectAsync())["id"]!;

        // Another partner's trace id, as an attacker would send it.
        var foreign = ActivityTraceId.CreateRandom().ToHexString();
        using var transmit = new HttpRequestMessage(HttpMethod.Post, $"/registry/requests/{id}/transmit");
        transmit.Headers.Add("traceparent", $"00-{foreign}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var transmitted = await registry.SendAsync(transmit);
        Assert.Equal(HttpStatusCode.OK, transmitted.StatusCode);
        var correlation = transmitted.Headers.GetValues("X-Correlation-Id").Single();
        Assert.NotEqual(foreign, correlation);

        // Our trace crosses gateway, Registry, broker and State; it only links to the partner's.
        var viewer = new TraceViewer(platform.Environment.DashboardUrl);
        var spans = await viewer.WaitForTraceAsync(correlation, s =>
            s.Any(x => x is { Service: "state-uga", Name: "state-uga process" }) && s.Any(x => x.Service == "registry"), Soon);
        Assert.Contains(spans, s => s.Service == "gateway");
        Assert.Contains(spans, s => s.Service == "registry");
        Assert.Contains(spans, s => s is { Service: "state-uga", Name: "state-uga process" });
        var gatewaySpans = (await viewer.GetSpanDetailsAsync(correlation)).Where(s => s.Service == "gateway").ToList();
        Assert.Contains(gatewaySpans, s => s.LinkedTraceIds.Contains(foreign) && s.Attributes.GetValueOrDefault("partner.trace_id")?.Contains(foreign) == true);
        // Nothing of ours is in the partner's trace.
        Assert.Empty(await viewer.GetTraceAsync(foreign));
    }

    // --- item 11: route templates, not raw paths ---------------------------------------------------

    [Fact]
    public async Task Spans_record_route_templates_never_a_request_id_in_a_path()
    {
        using var registry = platform.CreatePartnerClient("registry");
        using var drafted = await registry.PostJsonAsync("/registry/requests", Samples.ArrestAndSurrender("UGA"));
        var id = (string)(await drafted.ReadObjectAsync())["id"]!;
        using var transmitted = await registry.PostAsync($"/registry/requests/{id}/transmit", null);
        Assert.Equal(HttpStatusCode.OK, transmitted.StatusCode);
        var correlation = transmitted.Headers.GetValues("X-Correlation-Id").Single();

        var viewer = new TraceViewer(platform.Environment.DashboardUrl);
        string[] pathKeys = ["url.path", "url.full", "http.target", "http.url", "http.route"];
        bool RegistryTemplate(string r) => r.StartsWith("registry url.path=") && Regex.IsMatch(r, @"/registry/requests/\{id(:guid)?\}/transmit");
        bool GatewayTemplate(string r) => r.StartsWith("gateway url.full=") && r.Contains("/registry/requests/{id}/transmit");
        // Exporters batch and the HTTP spans end after the answer: wait until both templates have arrived.
        IReadOnlyList<TraceViewer.SpanDetail> spans = [];
        List<string> recorded = [];
        for (var deadline = DateTime.UtcNow + Soon; DateTime.UtcNow < deadline; await Task.Delay(250))
        {
            spans = await viewer.GetSpanDetailsAsync(correlation);
            recorded = spans.SelectMany(s => s.Attributes.Where(a => pathKeys.Contains(a.Key)).Select(a => $"{s.Service} {a.Key}={a.Value}")).ToList();
            if (recorded.Any(RegistryTemplate) && recorded.Any(GatewayTemplate)) break;
        }
        // The templates are there (so the search below looks at the right attributes) ...
        Assert.Contains(recorded, RegistryTemplate);
        Assert.Contains(recorded, GatewayTemplate);
        // ... and the id is in no path attribute and no span name.
        Assert.All(recorded, r => Assert.DoesNotContain(id, r, StringComparison.OrdinalIgnoreCase));
        Assert.All(spans, s => Assert.DoesNotContain(id, s.Name, StringComparison.OrdinalIgnoreCase));
    }

    // --- item 12: the smaller leaks ----------------------------------------------------------------

    [Fact]
    public async Task Anonymous_documents_name_no_backend_address_and_no_state()
    {
        using var anonymous = PlatformFixture.CreateClient(platform.Gateway.BaseAddress, token: null);

        foreach (var document in new[] { "/docs/registry/openapi.json", "/docs/prosecutor/openapi.json", "/docs/assembly/openapi.json" })
        {
            using var response = await anonymous.GetAsync(document);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            var servers = JsonNode.Parse(body)!["servers"]?.AsArray() ?? [];
            Assert.DoesNotContain("127.0.0.1", body);
            Assert.All(servers, s => Assert.DoesNotContain(platform.Registry.Port.ToString(), (string)s!["url"]!));
        }

        using (var page = await anonymous.GetAsync("/docs"))
        {
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("href=\"/docs/registry/openapi.json\"", html);
            foreach (var code in PlatformFixture.States) Assert.DoesNotContain(code, html);
        }
        // A State's document is not served to strangers, and a known State looks like an unknown one.
        using (var known = await anonymous.GetAsync("/docs/states/UGA/openapi.json"))
        using (var unknown = await anonymous.GetAsync("/docs/states/XYZ/openapi.json"))
        {
            await AssertProblemAsync(known, HttpStatusCode.Unauthorized, "/unauthorized");
            await AssertProblemAsync(unknown, HttpStatusCode.Unauthorized, "/unauthorized");
        }

        using (var discovery = await anonymous.GetAsync("/.well-known/openid-configuration"))
        {
            var scopes = (await discovery.ReadObjectAsync())["scopes_supported"]?.AsArray().Select(s => (string)s!).ToList() ?? [];
            Assert.Contains("registry", scopes);
            Assert.DoesNotContain(scopes, s => s.StartsWith("state:"));
            Assert.DoesNotContain("openid", scopes);
        }

        using var health = await anonymous.GetAsync("/health");
        var healthBody = await health.Content.ReadAsStringAsync();
        foreach (var code in PlatformFixture.States) Assert.DoesNotContain(code, healthBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_state_gets_its_own_nodes_document_and_another_states_is_404()
    {
        using var uganda = platform.CreatePartnerClient("state:UGA");
        using (var page = await uganda.GetAsync("/docs"))
        {
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("href=\"/docs/states/UGA/openapi.json\"", html);
            Assert.DoesNotContain("/docs/states/ZAF/", html);
        }
        using (var own = await uganda.GetAsync("/docs/states/UGA/openapi.json"))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            Assert.Contains("/states/{code}/requests", (await own.ReadObjectAsync())["paths"]!.AsObject().Select(p => p.Key));
        }
        using var other = await uganda.GetAsync("/docs/states/ZAF/openapi.json");
        await AssertProblemAsync(other, HttpStatusCode.NotFound, "/not-found");
    }

    [Fact]
    public async Task Backend_404_and_405_answers_carry_stable_problem_types()
    {
        using var registry = platform.CreatePartnerClient("registry");
        using (var wrongMethod = await registry.DeleteAsync("/registry/requests"))
            await AssertProblemAsync(wrongMethod, HttpStatusCode.MethodNotAllowed, "/method-not-allowed");
        using (var noRoute = await registry.GetAsync("/registry/no-such-resource"))
            await AssertProblemAsync(noRoute, HttpStatusCode.NotFound, "/not-found");

        using var direct = PlatformFixture.CreateClient(platform.StateNodes["UGA"].BaseAddress, platform.TokenOf("state-uga-cms"));
        using (var wrongMethod = await direct.PutAsync("/states/UGA/requests", null))
            await AssertProblemAsync(wrongMethod, HttpStatusCode.MethodNotAllowed, "/method-not-allowed");
    }

    [Fact]
    public async Task A_call_that_bypasses_the_gateway_is_rate_limited_by_the_service()
    {
        using var direct = FromAddress(platform.Registry.BaseAddress, "127.0.0.63");
        HttpResponseMessage? refused = null;
        var answered = 0;
        for (var i = 0; i < 1000 && refused is null; i++)
        {
            var response = await direct.GetAsync("/registry/requests");
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused = response;
            else
            {
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                answered++;
                response.Dispose();
            }
        }
        Assert.NotNull(refused);
        using (refused)
        {
            Assert.NotNull(refused.Headers.RetryAfter?.Delta);
            await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, "/rate-limited");
        }
        Assert.InRange(answered, 1, 600);

        // Partners through the gateway (another address, their own client budgets) are not affected.
        using var registry = platform.CreatePartnerClient("registry");
        using var throughGateway = await registry.GetAsync("/registry/requests?limit=1");
        Assert.Equal(HttpStatusCode.OK, throughGateway.StatusCode);
    }

    /// <summary>
    /// With a valid token the service counts per client id, not per address (issue 16 item 12): one client over
    /// its budget is refused while another client on the same address, and anonymous calls from it, keep their own.
    /// The tokens are minted for client ids no other test uses, so no other test's budget is spent.
    /// </summary>
    [Fact]
    public async Task A_call_that_bypasses_the_gateway_with_a_token_is_rate_limited_per_client_not_per_address()
    {
        var tokens = new Tokens(platform);
        var run = Guid.NewGuid().ToString("N")[..8];
        using var greedy = FromAddress(platform.Prosecutor.BaseAddress, "127.0.0.64");
        greedy.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.MintAsync("prosecutor", clientId: $"greedy-{run}"));
        var path = $"/prosecutor/requests/{Guid.NewGuid()}";

        // The default budget is 3000 a minute per client: spend it eight calls at a time until refused.
        HttpResponseMessage? refused = null;
        var answered = 0;
        for (var round = 0; round < 400 && refused is null; round++)
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => greedy.GetAsync(path)));
            foreach (var response in responses)
            {
                if (response.StatusCode == HttpStatusCode.TooManyRequests && refused is null) { refused = response; continue; }
                if (response.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                    answered++;
                }
                response.Dispose();
            }
        }
        Assert.NotNull(refused);
        using (refused) await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, "/rate-limited");
        Assert.InRange(answered, 1, 3000);

        using var other = FromAddress(platform.Prosecutor.BaseAddress, "127.0.0.64");
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.MintAsync("prosecutor", clientId: $"other-{run}"));
        using (var own = await other.GetAsync(path)) Assert.Equal(HttpStatusCode.NotFound, own.StatusCode);
        using var anonymous = FromAddress(platform.Prosecutor.BaseAddress, "127.0.0.64");
        using (var unauthenticated = await anonymous.GetAsync(path)) Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_services_sqlite_files_are_readable_by_their_owner_only()
    {
        // The gateway's database is SQLite on both passes; the services' only on the SQLite pass.
        var files = new[] { "registry", "prosecutor", "state-uga", "state-zaf" }
            .Select(platform.SqliteFileOf).OfType<string>().Append(platform.GatewayDatabaseFile)
            .SelectMany(f => new[] { f, f + "-wal", f + "-shm" }).Where(File.Exists).ToList();
        Assert.Contains(platform.GatewayDatabaseFile, files);
        if (platform.Environment.PostgresServer is null) Assert.Contains(platform.SqliteFileOf("registry")!, files);
        foreach (var file in files)
            Assert.True(File.GetUnixFileMode(file) == (UnixFileMode.UserRead | UnixFileMode.UserWrite),
                $"{Path.GetFileName(file)} is {File.GetUnixFileMode(file)}");
    }

    private static async Task<HttpResponseMessage> TokenAsync(HttpClient http, string clientId, string secret, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
            }),
        };
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await http.SendAsync(request);
    }

    /// <summary>An HTTP client whose connections come from <paramref name="localAddress"/> (any 127.x.y.z on Linux).</summary>
    private static HttpClient FromAddress(Uri baseAddress, string localAddress)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Parse(context.DnsEndPoint.Host), context.DnsEndPoint.Port), ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string typeSuffix)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(typeSuffix, (string)JsonNode.Parse(body)!["type"]!);
    }
}
