using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Platform;
using Cooperation.EndToEnd.Tests.Requests;

namespace Cooperation.EndToEnd.Tests.Security;

/// <summary>
/// Partners get in with their own credentials and reach only what is theirs (issue 5): the gateway
/// refuses before forwarding, each service refuses again when called directly, every refusal is a
/// ProblemDetails, and nothing changes.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class GatewaySecurityTests(PlatformFixture platform)
{
    private const string ProblemJson = "application/problem+json";

    [Theory]
    [InlineData("/registry/requests")]
    [InlineData("/prosecutor/requests")]
    [InlineData("/states/UGA/requests")]
    [InlineData("/no/such/route")]
    public async Task A_call_without_a_token_is_refused_with_401_problem_details(string path)
    {
        using var anonymous = PlatformFixture.CreateClient(platform.Gateway.BaseAddress, token: null);
        using var response = await anonymous.GetAsync(path);
        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "/unauthorized");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Forged_expired_and_wrong_audience_tokens_are_refused_by_the_gateway_and_by_the_service()
    {
        var tokens = new Tokens(platform);
        var valid = await tokens.MintAsync("registry");
        var bad = new Dictionary<string, string>
        {
            ["forged signature"] = await tokens.MintAsync("registry", forged: true),
            ["expired a minute ago"] = await tokens.MintAsync("registry", expiresIn: TimeSpan.FromMinutes(-1)),
            ["wrong audience"] = await tokens.MintAsync("registry", audience: "some-other-api"),
            ["not a token"] = "not.a.token",
        };

        foreach (var address in new[] { platform.Gateway.BaseAddress, platform.Registry.BaseAddress })
        {
            // The control: minted the same way, but valid, so the others fail for their flaw alone.
            using (var control = PlatformFixture.CreateClient(address, valid))
            using (var accepted = await control.GetAsync("/registry/requests"))
                Assert.True(accepted.StatusCode == HttpStatusCode.OK, $"{address}: control token refused: {(int)accepted.StatusCode}");

            foreach (var (flaw, token) in bad)
            {
                using var client = PlatformFixture.CreateClient(address, token);
                using var response = await client.GetAsync("/registry/requests");
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{address}: {flaw} got {(int)response.StatusCode}");
                await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "/unauthorized");
            }
        }
    }

    [Fact]
    public async Task A_valid_token_without_the_routes_scope_is_refused_with_403_and_nothing_is_created()
    {
        using var registry = platform.CreatePartnerClient("registry");
        var before = await CountAsync(registry, "/registry/requests");

        using var uganda = platform.CreatePartnerClient("state:UGA");
        using var draftByState = await uganda.PostJsonAsync("/registry/requests", Samples.ArrestAndSurrender("UGA"));
        await AssertProblemAsync(draftByState, HttpStatusCode.Forbidden, "/forbidden");

        using var prosecutorsList = await registry.GetAsync("/prosecutor/requests");
        await AssertProblemAsync(prosecutorsList, HttpStatusCode.Forbidden, "/forbidden");

        using var publicReader = platform.CreatePartnerClient("public");
        using var stateByPublic = await publicReader.GetAsync("/states/UGA/requests");
        await AssertProblemAsync(stateByPublic, HttpStatusCode.Forbidden, "/forbidden");

        Assert.Equal(before, await CountAsync(registry, "/registry/requests"));
    }

    [Fact]
    public async Task A_state_client_on_another_states_path_gets_404_like_an_unknown_path()
    {
        using var uganda = platform.CreatePartnerClient("state:UGA");
        using var list = await uganda.GetAsync("/states/ZAF/requests");
        var listProblem = await AssertProblemAsync(list, HttpStatusCode.NotFound, "/not-found");
        using var one = await uganda.GetAsync($"/states/ZAF/requests/{Guid.NewGuid()}");
        await AssertProblemAsync(one, HttpStatusCode.NotFound, "/not-found");
        using var acknowledge = await uganda.PostJsonAsync($"/states/ZAF/requests/{Guid.NewGuid()}/acknowledge", new { acknowledgedBy = "x" });
        await AssertProblemAsync(acknowledge, HttpStatusCode.NotFound, "/not-found");

        // A State that has no node at all looks the same: the answer reveals nothing about which exist.
        using var nowhere = await uganda.GetAsync("/states/XYZ/requests");
        var nowhereProblem = await AssertProblemAsync(nowhere, HttpStatusCode.NotFound, "/not-found");
        Assert.Equal((string)nowhereProblem["title"]!, (string)listProblem["title"]!);
        Assert.Equal((string)nowhereProblem["detail"]!, (string)listProblem["detail"]!);

        // Its own path still works.
        using var own = await uganda.GetAsync("/states/UGA/requests");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task A_call_that_bypasses_the_gateway_is_refused_by_the_service_itself()
    {
        using var registryDesk = platform.CreatePartnerClient("registry");
        var before = await CountAsync(registryDesk, "/registry/requests");

        using (var anonymous = PlatformFixture.CreateClient(platform.Registry.BaseAddress, token: null))
        {
            using var list = await anonymous.GetAsync("/registry/requests");
            await AssertProblemAsync(list, HttpStatusCode.Unauthorized, "/unauthorized");
            using var draft = await anonymous.PostJsonAsync("/registry/requests", Samples.ArrestAndSurrender("UGA"));
            await AssertProblemAsync(draft, HttpStatusCode.Unauthorized, "/unauthorized");
            // Health and the OpenAPI document stay open for operators and tools.
            using var health = await anonymous.GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            using var openApi = await anonymous.GetAsync("/openapi/v1.json");
            Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        }

        using (var uganda = PlatformFixture.CreateClient(platform.Registry.BaseAddress, platform.TokenOf("state-uga-cms")))
        {
            using var draft = await uganda.PostJsonAsync("/registry/requests", Samples.ArrestAndSurrender("UGA"));
            await AssertProblemAsync(draft, HttpStatusCode.Forbidden, "/forbidden");
        }
        using (var prosecutor = PlatformFixture.CreateClient(platform.Prosecutor.BaseAddress, platform.TokenOf("registry-desk")))
        {
            using var list = await prosecutor.GetAsync("/prosecutor/requests");
            await AssertProblemAsync(list, HttpStatusCode.Forbidden, "/forbidden");
        }
        using (var trespass = PlatformFixture.CreateClient(platform.StateNodes["ZAF"].BaseAddress, platform.TokenOf("state-uga-cms")))
        {
            // Even a path naming Uganda, sent to South Africa's node with Uganda's token: 404.
            using var list = await trespass.GetAsync("/states/ZAF/requests");
            await AssertProblemAsync(list, HttpStatusCode.NotFound, "/not-found");
            using var renamed = await trespass.GetAsync("/states/UGA/requests");
            await AssertProblemAsync(renamed, HttpStatusCode.NotFound, "/not-found");
        }
        using (var registryOnState = PlatformFixture.CreateClient(platform.StateNodes["UGA"].BaseAddress, platform.TokenOf("registry-desk")))
        {
            using var list = await registryOnState.GetAsync("/states/UGA/requests");
            await AssertProblemAsync(list, HttpStatusCode.Forbidden, "/forbidden");
        }
        using (var own = PlatformFixture.CreateClient(platform.StateNodes["UGA"].BaseAddress, platform.TokenOf("state-uga-cms")))
        using (var ok = await own.GetAsync("/states/UGA/requests"))
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        Assert.Equal(before, await CountAsync(registryDesk, "/registry/requests"));
    }

    [Fact]
    public async Task A_client_over_its_rate_limit_gets_429_with_retry_after_and_other_clients_are_not_affected()
    {
        using var limited = platform.CreateClientFor(PlatformFixture.RateLimitedClient);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < PlatformFixture.RateLimitedClientLimit + 3 && refused is null; i++)
        {
            var response = await limited.GetAsync("/registry/requests?limit=1");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused = response;
            else response.Dispose();
        }

        Assert.NotNull(refused);
        using (refused)
        {
            // The budget was spent first: at most the limit succeeded before the refusal.
            Assert.InRange(statuses.Count(s => s == HttpStatusCode.OK), 1, PlatformFixture.RateLimitedClientLimit);
            var retryAfter = refused.Headers.RetryAfter?.Delta;
            Assert.NotNull(retryAfter);
            Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
            await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, "/rate-limited");
        }

        using var other = platform.CreatePartnerClient("registry");
        using var unaffected = await other.GetAsync("/registry/requests?limit=1");
        Assert.Equal(HttpStatusCode.OK, unaffected.StatusCode);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413_before_reaching_the_service_and_nothing_is_created()
    {
        using var registry = platform.CreatePartnerClient("registry");
        var before = await CountAsync(registry, "/registry/requests");
        var huge = "{\"kind\":\"ArrestAndSurrender\",\"facts\":\"" + new string('x', PlatformFixture.MaxRequestBodyBytes + 1) + "\"}";

        using (var sized = new StringContent(huge, Encoding.UTF8, "application/json"))
        using (var response = await registry.PostAsync("/registry/requests", sized))
            await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "/payload-too-large");

        // Without Content-Length (chunked), the limit still holds while the body streams.
        using (var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(huge))))
        {
            chunked.Headers.ContentType = new("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/registry/requests") { Content = chunked };
            request.Headers.TransferEncodingChunked = true;
            using var response = await registry.SendAsync(request);
            await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "/payload-too-large");
        }

        Assert.Equal(before, await CountAsync(registry, "/registry/requests"));
    }

    [Theory]
    [InlineData("/registry/requests", "registry-desk")]
    [InlineData("/registry/requests", null)]
    [InlineData("/docs", null)]
    [InlineData("/connect/token", null)]
    public async Task Every_answer_carries_the_security_headers(string path, string? clientId)
    {
        using var client = PlatformFixture.CreateClient(platform.Gateway.BaseAddress, clientId is null ? null : platform.TokenOf(clientId));
        using var response = await client.GetAsync(path);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path}: Cache-Control is '{response.Headers.CacheControl}'");
        Assert.False(response.Headers.Contains("Server"), "the server software is not advertised");
        Assert.True(response.Headers.Contains("X-Correlation-Id"));
    }

    [Fact]
    public async Task Cors_is_closed_a_preflight_from_any_origin_gets_no_allow_origin()
    {
        using var client = PlatformFixture.CreateClient(platform.Gateway.BaseAddress, token: null);
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/registry/requests");
        preflight.Headers.Add("Origin", "https://attacker.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        using var response = await client.SendAsync(preflight);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"), "preflight answered with Access-Control-Allow-Origin");
        Assert.False(response.IsSuccessStatusCode, $"preflight answered {(int)response.StatusCode}");

        using var registry = platform.CreatePartnerClient("registry");
        using var simple = new HttpRequestMessage(HttpMethod.Get, "/registry/requests?limit=1");
        simple.Headers.Add("Origin", "https://attacker.example");
        using var answer = await registry.SendAsync(simple);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task The_docs_page_lists_the_organs_documents_served_anonymously_and_each_state_its_own()
    {
        using var anonymous = PlatformFixture.CreateClient(platform.Gateway.BaseAddress, token: null);
        await AssertDocumentsAsync(anonymous, new Dictionary<string, string>
        {
            ["/docs/registry/openapi.json"] = "/registry/requests",
            ["/docs/prosecutor/openapi.json"] = "/prosecutor/requests",
            ["/docs/assembly/openapi.json"] = "/assembly/cases",
        });
        // A State node's document goes to that State (which States have a node is not told to strangers).
        foreach (var code in PlatformFixture.States)
        {
            using var state = platform.CreatePartnerClient($"state:{code}");
            await AssertDocumentsAsync(state, new Dictionary<string, string> { [$"/docs/states/{code}/openapi.json"] = "/states/{code}/requests" });
        }
    }

    private static async Task AssertDocumentsAsync(HttpClient caller, Dictionary<string, string> expected)
    {
        using var page = await caller.GetAsync("/docs");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        foreach (var (document, path) in expected)
        {
            Assert.Contains($"href=\"{document}\"", html);
            using var response = await caller.GetAsync(document);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{document}: {(int)response.StatusCode}");
            var openApi = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            Assert.StartsWith("3.", (string)openApi["openapi"]!);
            Assert.Contains(path, openApi["paths"]!.AsObject().Select(p => p.Key));
        }
    }

    [Fact]
    public async Task The_token_endpoint_refuses_a_wrong_secret_and_a_scope_the_client_was_not_given()
    {
        using (var wrongSecret = await platform.RequestTokenResponseAsync("state-uga-cms", Guid.NewGuid().ToString("N")))
        {
            Assert.False(wrongSecret.IsSuccessStatusCode);
            Assert.Equal("invalid_client", (string)(await wrongSecret.ReadObjectAsync())["error"]!);
        }
        using (var otherState = await platform.RequestTokenResponseAsync("state-uga-cms", platform.SecretOf("state-uga-cms"), "state:ZAF"))
        {
            Assert.False(otherState.IsSuccessStatusCode);
            Assert.DoesNotContain("access_token", await otherState.Content.ReadAsStringAsync());
        }

        // Its own scope, asked explicitly, is granted and works.
        var token = await platform.RequestTokenAsync("state-uga-cms", platform.SecretOf("state-uga-cms"), "state:UGA");
        using var uganda = PlatformFixture.CreateClient(platform.Gateway.BaseAddress, token);
        using var own = await uganda.GetAsync("/states/UGA/requests");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    private static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string typeSuffix)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal((int)status, (int)problem["status"]!);
        Assert.EndsWith(typeSuffix, (string)problem["type"]!);
        Assert.DoesNotContain("   at ", body); // no stack trace
        Assert.DoesNotContain("Exception", body);
        return problem;
    }

    private static async Task<int> CountAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path + "?limit=200");
        response.EnsureSuccessStatusCode();
        return (await response.ReadObjectAsync())["items"]!.AsArray().Count;
    }
}
