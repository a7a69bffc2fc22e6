using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Consultations;
using Cooperation.EndToEnd.Tests.Platform;
using static Cooperation.EndToEnd.Tests.NonCompliance.MatterDesk;

namespace Cooperation.EndToEnd.Tests.NonCompliance;

/// <summary>The cooperation record per State (issue 9 §4), JSON and CSV, by period, for the Registry and the Assembly's readers.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RecordsTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_record_counts_requests_acknowledgements_consultations_and_matters_of_the_period()
    {
        using var registry = platform.CreatePartnerClient("registry");
        using var uganda = platform.CreatePartnerClient("state:UGA");
        var today = Day(0);
        var before = await RecordAsync(registry, $"/registry/records/UGA?from={today}&to={today}");
        var yesterday = await RecordAsync(registry, $"/registry/records/UGA?from={Day(-1)}&to={Day(-1)}");

        // A request delivered, acknowledged, consulted on by the State (ground PersonNotLocated); a matter found and not referred.
        var requestId = await TransmittedAsync(registry, "UGA");
        using (var ack = await uganda.PostJsonAsync($"/states/UGA/requests/{requestId}/acknowledge", new { acknowledgedBy = "Central authority" }))
            Assert.True(ack.IsSuccessStatusCode, await ack.Content.ReadAsStringAsync());
        await registry.WaitForAsync($"/registry/requests/{requestId}", r => r["evidence"]?["acknowledgedAt"] is not null, Soon);
        var consultation = await ConsultationSamples.OpenAtStateAsync(uganda, "UGA", requestId, ConsultationSamples.OpenBody("PersonNotLocated"));
        await registry.WaitForAsync($"/registry/requests/{requestId}/consultations/{(string)consultation["id"]!}", _ => true, Soon);
        var id = (string)(await OpenAsync(registry, requestId))["id"]!;
        await InvitedLongAgoAsync(registry, id);
        await FindingAsync(registry, id);
        await StepAsync(registry, id, "no-referral", new { decisionReference = "ICC-01/99-01/26-60", decidedOn = today });

        var after = await RecordAsync(registry, $"/registry/records/UGA?from={today}&to={today}");
        Assert.Equal("Registry", (string)after["view"]!);
        var (b, a) = (State(before), State(after));
        foreach (var figure in new[] { "transmitted", "received", "acknowledged", "acknowledgedInTime" })
            Assert.Equal((int)b["requests"]![figure]! + 1, (int)a["requests"]![figure]!);
        Assert.Equal((int)b["consultations"]!["openedByState"]! + 1, (int)a["consultations"]!["openedByState"]!);
        Assert.Equal((int)b["consultations"]!["grounds"]!["PersonNotLocated"]! + 1, (int)a["consultations"]!["grounds"]!["PersonNotLocated"]!);
        Assert.NotNull(a["consultations"]!["medianHoursToOpen"]);
        foreach (var figure in new[] { "opened", "observationsInvited", "findings", "notReferred" })
            Assert.Equal((int)b["matters"]![figure]! + 1, (int)a["matters"]![figure]!);
        Assert.Equal((int)b["matters"]!["byStep"]!["NotReferred"]! + 1, (int)a["matters"]!["byStep"]!["NotReferred"]!);
        Assert.Equal((int)b["matters"]!["referredToAssembly"]!, (int)a["matters"]!["referredToAssembly"]!);

        // Yesterday's record is as it was: the period filters.
        Assert.Equal(State(yesterday).ToJsonString(), State(await RecordAsync(registry, $"/registry/records/UGA?from={Day(-1)}&to={Day(-1)}")).ToJsonString());

        // CSV (RFC 4180): a header row and one row per State, CRLF-terminated, the same figures.
        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, $"/registry/records?from={today}&to={today}");
        csvRequest.Headers.Accept.Clear();
        csvRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var csv = await registry.SendAsync(csvRequest);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.EndsWith("\r\n", text);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var row = lines.Single(l => l.StartsWith("UGA,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(header.Length, row.Length);
        Assert.Equal(today, row[Array.IndexOf(header, "from")]);
        Assert.Equal((string)a["requests"]!["transmitted"]!.ToString(), row[Array.IndexOf(header, "requests.transmitted")]);
        Assert.Equal(a["matters"]!["findings"]!.ToString(), row[Array.IndexOf(header, "matters.findings")]);
        Assert.Contains(lines, l => l.StartsWith("ZAF,", StringComparison.Ordinal));
        using var byFormat = await registry.GetAsync($"/registry/records/UGA?format=csv");
        Assert.Equal("text/csv", byFormat.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_bad_period_is_422_naming_each_field()
    {
        using var registry = platform.CreatePartnerClient("registry");
        using (var bad = await registry.GetAsync("/registry/records?from=2025-13-01&to=yesterday&format=xml"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
            Assert.Equal(["format", "from", "to"], (await bad.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key).Order());
        }
        using (var reversed = await registry.GetAsync("/registry/records/UGA?from=2025-03-02&to=2025-03-01"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, reversed.StatusCode);
            Assert.NotNull((await reversed.ReadObjectAsync())["errors"]!["to"]);
        }
        using (var unknown = await registry.GetAsync("/registry/records/FRA")) Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_assemblys_readers_get_the_record_without_sealed_items_and_states_and_the_public_get_none()
    {
        using var registry = platform.CreatePartnerClient("registry");
        using var assembly = platform.CreatePartnerClient("assembly");
        using var focalPoint = platform.CreatePartnerClient("focal-point");
        var today = Day(0);
        var path = $"/registry/records/ZAF?from={today}&to={today}";
        var registryBefore = State(await RecordAsync(registry, path));
        var assemblyBefore = State(await RecordAsync(assembly, path));

        var sealedRequest = await TransmittedAsync(registry, "ZAF", classification: "UnderSeal", delivered: false);
        var sealedMatter = (string)(await OpenAsync(registry, sealedRequest))["id"]!;
        await TransmittedAsync(registry, "ZAF", classification: "Confidential", delivered: false);

        var registryAfter = State(await RecordAsync(registry, path));
        var assemblyRecord = await RecordAsync(assembly, path);
        Assert.Equal("Assembly", (string)assemblyRecord["view"]!);
        var assemblyAfter = State(assemblyRecord);
        Assert.Equal((int)registryBefore["requests"]!["transmitted"]! + 2, (int)registryAfter["requests"]!["transmitted"]!);
        Assert.Equal((int)registryBefore["matters"]!["opened"]! + 1, (int)registryAfter["matters"]!["opened"]!);
        // The sealed request and its matter are not counted for the Assembly until it is notified (the referral).
        Assert.Equal((int)assemblyBefore["requests"]!["transmitted"]! + 1, (int)assemblyAfter["requests"]!["transmitted"]!);
        Assert.Equal((int)assemblyBefore["matters"]!["opened"]!, (int)assemblyAfter["matters"]!["opened"]!);

        await InvitedLongAgoAsync(registry, sealedMatter);
        await FindingAsync(registry, sealedMatter);
        await StepAsync(registry, sealedMatter, "referral", new { decisionReference = "ICC-01/99-01/26-70", decidedOn = today, toAssembly = true });
        var notified = State(await RecordAsync(focalPoint, path));
        Assert.Equal((int)assemblyBefore["matters"]!["opened"]! + 1, (int)notified["matters"]!["opened"]!);
        Assert.Equal((int)assemblyBefore["matters"]!["referredToAssembly"]! + 1, (int)notified["matters"]!["referredToAssembly"]!);

        foreach (var outsider in new[] { "state:ZAF", "public" })
        {
            using var client = platform.CreatePartnerClient(outsider);
            using var refused = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        // The Assembly's scopes open the records, and nothing else of the Registry's.
        using var matters = await assembly.GetAsync("/registry/matters");
        Assert.Equal(HttpStatusCode.Forbidden, matters.StatusCode);
    }

    private static async Task<JsonObject> RecordAsync(HttpClient client, string path) => await client.GetFromJsonObjectAsync(path);

    private static JsonObject State(JsonObject records) => records["states"]!.AsArray().Single()!.AsObject();
}
