using System.Net;
using Cooperation.EndToEnd.Tests.Platform;

namespace Cooperation.EndToEnd.Tests.Requests;

/// <summary>
/// The first flow (issue 2): an arrest request from the Registry to a State and back, through the
/// gateway, with the evidence times and one trace across every process.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ArrestRequestFlowTests(PlatformFixture platform)
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Arrest_request_reaches_the_state_and_its_evidence_comes_back_in_one_trace()
    {
        // Each organ's and State's system calls with its own credentials.
        using var partner = platform.CreatePartnerClient("registry");
        using var uganda = platform.CreatePartnerClient("state:UGA");
        using var southAfrica = platform.CreatePartnerClient("state:ZAF");

        using var drafted = await partner.PostJsonAsync("/registry/requests", Samples.ArrestAndSurrender("UGA"));
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var draft = await drafted.ReadObjectAsync();
        var id = (string)draft["id"]!;
        Assert.Equal($"/registry/requests/{id}", drafted.Headers.Location?.OriginalString);
        Assert.Matches(@"^REG-\d{4}-\d{6}$", (string)draft["reference"]!);
        Assert.Equal("Draft", (string)draft["status"]!);

        // The gateway starts the trace (a partner's own traceparent is only linked) and names it in X-Correlation-Id.
        using var transmitted = await partner.PostAsync($"/registry/requests/{id}/transmit", null);
        Assert.Equal(HttpStatusCode.OK, transmitted.StatusCode);
        var traceId = transmitted.Headers.GetValues("X-Correlation-Id").Single();
        Assert.Matches("^[0-9a-f]{32}$", traceId);

        // Delivered: the State's node persisted it and told the Registry.
        var atState = await uganda.WaitForAsync($"/states/UGA/requests/{id}", _ => true, Soon);
        Assert.Equal("Delivered", (string)atState["status"]!);
        Assert.Equal("Fictitious Person A", (string)atState["contents"]!["person"]!["name"]!);
        // The explicit reader list travels with the request (Art 87(3)).
        Assert.Equal(["chamber:PTC-II"], atState["readers"]!.AsArray().Select(r => (string)r!).ToArray());
        var delivered = await partner.WaitForAsync($"/registry/requests/{id}", r => r["evidence"]!["deliveredAt"] is not null, Soon);
        Assert.Equal("Delivered", (string)delivered["status"]!);

        // Acknowledged: a person at the State accepts it.
        using var acknowledged = await uganda.PostJsonAsync($"/states/UGA/requests/{id}/acknowledge", new { acknowledgedBy = "Central authority, desk 2" });
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        var done = await partner.WaitForAsync($"/registry/requests/{id}", r => r["evidence"]!["acknowledgedAt"] is not null, Soon);
        Assert.Equal("Acknowledged", (string)done["status"]!);

        var evidence = done["evidence"]!;
        var submittedAt = DateTimeOffset.Parse((string)evidence["submittedAt"]!);
        var deliveredAt = DateTimeOffset.Parse((string)evidence["deliveredAt"]!);
        var acknowledgedAt = DateTimeOffset.Parse((string)evidence["acknowledgedAt"]!);
        Assert.True(submittedAt <= deliveredAt, $"submitted {submittedAt:O} after delivered {deliveredAt:O}");
        Assert.True(deliveredAt <= acknowledgedAt, $"delivered {deliveredAt:O} after acknowledged {acknowledgedAt:O}");
        Assert.Equal("Central authority, desk 2", (string)evidence["acknowledgedBy"]!);
        Assert.Equal(["request-drafted", "request-ready", "request-transmitted", "request-delivered", "request-acknowledged"],
            done["history"]!.AsArray().Select(h => (string)h!["what"]!).ToArray());

        // Another State never sees it, whatever id it tries: not on its own node, not on Uganda's path.
        using var elsewhere = await southAfrica.GetAsync($"/states/ZAF/requests/{id}");
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        using var trespass = await southAfrica.GetAsync($"/states/UGA/requests/{id}");
        Assert.Equal(HttpStatusCode.NotFound, trespass.StatusCode);

        // One trace: gateway → proxy → Registry → MassTransit send → State consume → Delivered back at the Registry.
        var viewer = new TraceViewer(platform.Environment.DashboardUrl);
        var spans = await viewer.WaitForTraceAsync(traceId, s =>
            s.Any(x => x is { Service: "state-uga", Name: "state-uga process" })
            && s.Any(x => x is { Service: "state-uga", Name: "state-uga.to-registry send" })
            && s.Any(x => x is { Service: "registry", Name: "registry.from-state-uga process" })
            && s.Any(x => x.Service == "gateway" && x.Scope == "Yarp.ReverseProxy"), Soon);
        var summary = string.Join("\n", spans.Select(s => $"{s.Service} | {s.Scope} | {s.Name}"));
        Assert.All(spans, s => Assert.Equal(traceId, s.TraceId));
        Assert.Contains(spans, s => s.Service == "gateway" && s.Scope.StartsWith("Microsoft.AspNetCore"));
        Assert.Contains(spans, s => s.Service == "gateway" && s.Scope == "Yarp.ReverseProxy");
        Assert.Contains(spans, s => s.Service == "registry" && s.Scope.StartsWith("Microsoft.AspNetCore"));
        Assert.True(spans.Any(s => s is { Service: "registry", Scope: "MassTransit", Name: "state-uga send" }),
            "no send to the State's own exchange in the trace:\n" + summary);
        Assert.True(spans.Any(s => s is { Service: "state-uga", Scope: "MassTransit", Name: "state-uga process" }),
            "no State consume span in the trace:\n" + summary);
        Assert.True(spans.Any(s => s is { Service: "state-uga", Scope: "MassTransit", Name: "state-uga.to-registry send" }),
            "the State's Delivered reply is not in the trace:\n" + summary);
        Assert.True(spans.Any(s => s is { Service: "registry", Scope: "MassTransit", Name: "registry.from-state-uga process" }),
            "the Registry's consumption of Delivered is not in the trace:\n" + summary);
    }

    [Fact]
    public async Task Unknown_ids_answer_404_problem_details_on_both_sides()
    {
        foreach (var (scope, path) in new[] { ("registry", $"/registry/requests/{Guid.NewGuid()}"), ("state:UGA", $"/states/UGA/requests/{Guid.NewGuid()}") })
        {
            using var partner = platform.CreatePartnerClient(scope);
            using var response = await partner.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.ReadObjectAsync();
            Assert.Equal(404, (int)problem["status"]!);
            Assert.EndsWith("/not-found", (string)problem["type"]!);
        }
    }

    [Fact]
    public async Task Malformed_bodies_answer_400_problem_details_and_create_nothing()
    {
        using var partner = platform.CreatePartnerClient("registry");
        var before = await CountRegistryRequestsAsync(partner);

        using var notJson = new StringContent("{ this is not json", System.Text.Encoding.UTF8, "application/json");
        using var malformed = await partner.PostAsync("/registry/requests", notJson);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("/malformed-body", (string)(await malformed.ReadObjectAsync())["type"]!);

        using var unknownKind = await partner.PostJsonAsync("/registry/requests", new { kind = "Extradition", stateCode = "UGA" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownKind.StatusCode);

        using var invalid = await partner.PostJsonAsync("/registry/requests", new { kind = "ArrestAndSurrender", stateCode = "U1" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.ReadObjectAsync())["errors"]!.AsObject();
        Assert.Contains("stateCode", errors.Select(e => e.Key));
        Assert.Contains("classification", errors.Select(e => e.Key));
        Assert.Contains("language", errors.Select(e => e.Key));

        Assert.Equal(before, await CountRegistryRequestsAsync(partner));
    }

    private static async Task<int> CountRegistryRequestsAsync(HttpClient partner)
    {
        using var response = await partner.GetAsync("/registry/requests?limit=200");
        response.EnsureSuccessStatusCode();
        return (await response.ReadObjectAsync())["items"]!.AsArray().Count;
    }
}
