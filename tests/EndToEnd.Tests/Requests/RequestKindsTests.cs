using System.Net;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Platform;

namespace Cooperation.EndToEnd.Tests.Requests;

/// <summary>
/// Every kind of request end to end through the gateway (issue 3): drafted and transmitted by the
/// organ that issues it (RPE 176(2)), executed by the State, each step seen by both sides.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class RequestKindsTests(PlatformFixture platform)
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(20);

    public static TheoryData<string, string> KindsAndOrgans => new()
    {
        { "ArrestAndSurrender", "registry" },
        { "ProvisionalArrest", "registry" },
        { "Transit", "registry" },
        { "OtherAssistance", "registry" },
        { "OtherAssistance", "prosecutor" },
    };

    [Theory]
    [MemberData(nameof(KindsAndOrgans))]
    public async Task A_request_of_each_kind_is_executed_and_its_issuing_organ_sees_every_step(string kind, string organ)
    {
        using var court = platform.CreatePartnerClient(organ);
        using var uganda = platform.CreatePartnerClient("state:UGA");
        await WaitForRegisterAsync(court, organ, "UGA");

        var id = await DraftAndTransmitAsync(court, organ, Samples.Complete(kind, "UGA"));
        var received = await uganda.WaitForAsync($"/states/UGA/requests/{id}", _ => true, Soon);
        Assert.Equal(kind, (string)received["kind"]!);
        Assert.Equal(organ, ((string)received["issuingOrgan"]!).ToLowerInvariant());
        // Art 92: a provisional arrest is urgent but owes no confirmation; only urgent 91(1)/96(1) requests do.
        Assert.False((bool)received["confirmationDue"]!);

        await Ok(uganda.PostJsonAsync($"/states/UGA/requests/{id}/acknowledge", new { acknowledgedBy = "Central authority" }));
        await Ok(uganda.PostAsync($"/states/UGA/requests/{id}/execution", null));
        await Ok(uganda.PostJsonAsync($"/states/UGA/requests/{id}/progress",
            new { items = new[] { new { description = "Step one", on = "2026-11-20", done = true } }, note = "On track" }));
        await Ok(uganda.PostJsonAsync($"/states/UGA/requests/{id}/execute", new { partial = true, note = "One item could not be done" }));

        var done = await court.WaitForAsync($"/{organ}/requests/{id}", r => (string)r["status"]! == "PartiallyExecuted", Soon);
        Assert.Equal(3, (int)done["reports"]!["count"]!);
        Assert.Equal("partially-executed", (string)done["reports"]!["latest"]!["what"]!);
        var reports = (await court.GetFromJsonObjectAsync($"/{organ}/requests/{id}/reports"))["items"]!.AsArray();
        Assert.Equal(["partially-executed", "progress", "execution-started"], reports.Select(r => (string)r!["what"]!).ToArray());
        Assert.Equal("Step one", (string)reports[1]!["items"]![0]!["description"]!);
        var atState = await uganda.GetFromJsonObjectAsync($"/states/UGA/requests/{id}");
        Assert.Equal("PartiallyExecuted", (string)atState["status"]!);
    }

    [Fact]
    public async Task An_incomplete_request_cannot_leave_draft_and_every_missing_element_is_listed()
    {
        using var registry = platform.CreatePartnerClient("registry");
        using var drafted = await registry.PostJsonAsync("/registry/requests",
            new { kind = "ArrestAndSurrender", stateCode = "UGA", classification = "Confidential", language = "en", contents = new { } });
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var id = (string)(await drafted.ReadObjectAsync())["id"]!;

        using var transmitted = await registry.PostAsync($"/registry/requests/{id}/transmit", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, transmitted.StatusCode);
        var errors = (await transmitted.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key).ToHashSet();
        Assert.Superset(new HashSet<string> { "contents.person.name", "contents.probableLocation", "contents.warrant" }, errors);
        Assert.Equal("Draft", (string)(await registry.GetFromJsonObjectAsync($"/registry/requests/{id}"))["status"]!);
    }

    [Fact]
    public async Task A_request_in_a_language_the_state_did_not_designate_is_incomplete()
    {
        using var registry = platform.CreatePartnerClient("registry");
        using var drafted = await registry.PostJsonAsync("/registry/requests", Samples.Complete("Transit", "UGA", language: "es"));
        var id = (string)(await drafted.ReadObjectAsync())["id"]!;
        using var transmitted = await registry.PostAsync($"/registry/requests/{id}/transmit", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, transmitted.StatusCode);
        Assert.Contains("language", (await transmitted.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task An_arrest_request_cannot_be_denied_but_assistance_can_on_national_security_after_Art_72_5_with_reasons()
    {
        using var registry = platform.CreatePartnerClient("registry");
        using var uganda = platform.CreatePartnerClient("state:UGA");

        var arrest = await DraftAndTransmitAsync(registry, "registry", Samples.Complete("ArrestAndSurrender", "UGA"));
        await uganda.WaitForAsync($"/states/UGA/requests/{arrest}", _ => true, Soon);
        await Ok(uganda.PostJsonAsync($"/states/UGA/requests/{arrest}/acknowledge", new { acknowledgedBy = "desk" }));
        using var refused = await uganda.PostJsonAsync($"/states/UGA/requests/{arrest}/deny", new { ground = "NationalSecurity", reasons = "x" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("denial-not-allowed", (string)(await refused.ReadObjectAsync())["code"]!);
        Assert.Equal("Acknowledged", (string)(await uganda.GetFromJsonObjectAsync($"/states/UGA/requests/{arrest}"))["status"]!);

        var assistance = await DraftAndTransmitAsync(registry, "registry", Samples.Complete("OtherAssistance", "UGA"));
        await uganda.WaitForAsync($"/states/UGA/requests/{assistance}", _ => true, Soon);
        await Ok(uganda.PostJsonAsync($"/states/UGA/requests/{assistance}/acknowledge", new { acknowledgedBy = "desk" }));
        // Art 93(4): documents or evidence only, after the Art 72(5) steps.
        using var anyMeasure = await uganda.PostJsonAsync($"/states/UGA/requests/{assistance}/deny", new { ground = "NationalSecurity", reasons = "x" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, anyMeasure.StatusCode);
        var anyProblem = await anyMeasure.ReadObjectAsync();
        Assert.Equal("documents-or-evidence-only", (string)anyProblem["code"]!);
        Assert.Equal(["art72StepsTaken", "concernsDocumentsOrEvidence"], anyProblem["errors"]!.AsObject().Select(e => e.Key).Order().ToArray());
        using var withoutReasons = await uganda.PostJsonAsync($"/states/UGA/requests/{assistance}/deny",
            new { ground = "NationalSecurity", concernsDocumentsOrEvidence = true, art72StepsTaken = true });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, withoutReasons.StatusCode); // Art 93(6): reasons are required
        Assert.Equal("reasons-required", (string)(await withoutReasons.ReadObjectAsync())["code"]!);
        await Ok(uganda.PostJsonAsync($"/states/UGA/requests/{assistance}/deny",
            new { ground = "NationalSecurity", reasons = "Disclosure would prejudice national security (Art 72).", concernsDocumentsOrEvidence = true, art72StepsTaken = true }));
        var denied = await registry.WaitForAsync($"/registry/requests/{assistance}", r => (string)r["status"]! == "Denied", Soon);
        Assert.Equal("denied", (string)denied["reports"]!["latest"]!["what"]!);
        var denial = (await registry.GetFromJsonObjectAsync($"/registry/requests/{assistance}/reports"))["items"]![0]!;
        Assert.Equal("NationalSecurity", (string)denial["denialGround"]!);
    }

    [Fact]
    public async Task A_withdrawn_request_is_withdrawn_at_the_state_too()
    {
        using var registry = platform.CreatePartnerClient("registry");
        using var uganda = platform.CreatePartnerClient("state:UGA");
        var id = await DraftAndTransmitAsync(registry, "registry", Samples.Complete("Transit", "UGA"));
        await uganda.WaitForAsync($"/states/UGA/requests/{id}", _ => true, Soon);
        await Ok(registry.PostAsync($"/registry/requests/{id}/withdraw", null));
        await uganda.WaitForAsync($"/states/UGA/requests/{id}", r => (string)r["status"]! == "Withdrawn", Soon);
        using var tooLate = await uganda.PostJsonAsync($"/states/UGA/requests/{id}/acknowledge", new { acknowledgedBy = "desk" });
        Assert.Equal(HttpStatusCode.Conflict, tooLate.StatusCode);
    }

    [Fact]
    public async Task Concurrent_drafts_all_succeed_with_distinct_references()
    {
        using var registry = platform.CreatePartnerClient("registry");
        var drafts = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var response = await registry.PostJsonAsync("/registry/requests", Samples.Complete("Transit", "UGA"));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (string)(await response.ReadObjectAsync())["reference"]!;
        }));
        Assert.Equal(8, drafts.Distinct().Count());
    }

    private async Task WaitForRegisterAsync(HttpClient court, string organ, string code) =>
        // The Prosecutor learns the register from the Registry's messages only.
        await court.WaitForAsync($"/{organ}/register/states/{code}", r => r["inEffect"] is not null, Soon);

    private static async Task<string> DraftAndTransmitAsync(HttpClient court, string organ, object body)
    {
        using var drafted = await court.PostJsonAsync($"/{organ}/requests", body);
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var id = (string)(await drafted.ReadObjectAsync())["id"]!;
        await Ok(court.PostAsync($"/{organ}/requests/{id}/transmit", null));
        return id;
    }

    private static async Task Ok(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
