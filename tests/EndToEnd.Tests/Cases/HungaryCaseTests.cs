using System.Net;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Platform;
using Cooperation.EndToEnd.Tests.Requests;

namespace Cooperation.EndToEnd.Tests.Cases;

/// <summary>
/// Issue 9 §5, Hungary 2025 (public facts as reported in domain.md), on the real broker with each party's own
/// credentials. The fixture runs no Hungarian node: South Africa's node (ZAF) plays the requested State, and Uganda's
/// (UGA) the State that must learn nothing. Dates are shifted to the run's calendar, in the case's order: request for
/// provisional arrest transmitted during the visit; no consultation; no arrest, so no 60-day documents timer (RPE 188);
/// observations invited with a reply-by date; finding; referral to the Assembly, which receives the matter.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class HungaryCaseTests(PlatformFixture platform)
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(30);
    private static string Day(int offset) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(offset).ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_provisional_arrest_request_during_a_visit_no_consultation_no_arrest_then_finding_and_referral()
    {
        using var registry = platform.CreatePartnerClient("registry");
        using var requested = platform.CreatePartnerClient("state:ZAF");
        using var other = platform.CreatePartnerClient("state:UGA");
        using var presidency = platform.CreateClientFor("assembly-secretariat");
        var recordBefore = await registry.GetFromJsonObjectAsync("/registry/records/ZAF");

        // 3 Apr: a request for provisional arrest (Art 92) while the person is present (3–6 Apr).
        using var drafted = await registry.PostJsonAsync("/registry/requests", Samples.Complete("ProvisionalArrest", "ZAF"));
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var id = (string)(await drafted.ReadObjectAsync())["id"]!;
        using (var transmitted = await registry.PostAsync($"/registry/requests/{id}/transmit", null))
            Assert.Equal(HttpStatusCode.OK, transmitted.StatusCode);
        var delivered = await registry.WaitForAsync($"/registry/requests/{id}", r => (string)r["status"]! == "Delivered", Soon);
        Assert.Equal("ProvisionalArrest", (string)delivered["kind"]!);
        // A provisional arrest owes no confirmation (Art 92 by any medium leaving a record; only 91(1)/96(1) urgent requests do).
        await requested.WaitForAsync($"/states/ZAF/requests/{id}", _ => true, Soon);

        // No consultation, no arrest: nothing on the arrest path, so no RPE 188 documents deadline runs.
        Assert.Empty((await registry.GetFromJsonObjectAsync($"/registry/requests/{id}"))["consultations"]?.AsArray() ?? []);
        var deadlines = JsonNode.Parse(await registry.GetStringAsync($"/registry/requests/{id}/deadlines"))!.AsArray();
        Assert.DoesNotContain(deadlines, d => (string)d!["kind"]! == "SurrenderDocuments");

        // The non-compliance track (Art 87(7)): suspected, observations invited (due 23 May), none received, finding, referral.
        using var opened = await registry.PostJsonAsync("/registry/matters",
            new { requestId = id, suspectedOn = Day(-120), situation = "ICC-01/99", situationReferredBySecurityCouncil = false });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var matterId = (string)(await opened.ReadObjectAsync())["id"]!;
        await StepAsync(registry, matterId, "observations-invitation", new { decisionReference = "ICC-01/99-01/26-40", decidedOn = Day(-90), replyBy = Day(-50) });
        // Security Council not seized of this situation: a referral to it is refused (Art 13(b)).
        using (var council = await registry.PostJsonAsync($"/registry/matters/{matterId}/referral",
                   new { decisionReference = "x", decidedOn = Day(0), toAssembly = false, toSecurityCouncil = true }))
            Assert.Equal(HttpStatusCode.Conflict, council.StatusCode);
        await StepAsync(registry, matterId, "finding",
            new { decisionReference = "ICC-01/99-01/26-50", decidedOn = Day(-1), failureContraryToStatute = true, preventsCourtFunctions = true });
        var matter = await StepAsync(registry, matterId, "referral",
            new { decisionReference = "ICC-01/99-01/26-50", decidedOn = Day(0), toAssembly = true, toSecurityCouncil = false });
        Assert.Equal(["Suspected", "ObservationsInvited", "Finding", "ReferredToAssembly"],
            matter["steps"]!.AsArray().Select(s => (string)s!["step"]!));

        // The requested State saw every step; the other State nothing; the Assembly has the case, without the request's contents.
        var atState = await requested.WaitForAsync($"/states/ZAF/matters/{matterId}",
            m => m["steps"]!.AsArray().Any(s => (string)s!["step"]! == "ReferredToAssembly"), Soon);
        Assert.Equal(4, atState["steps"]!.AsArray().Count);
        using (var hidden = await other.GetAsync($"/states/UGA/matters/{matterId}")) Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        var assemblyCase = await presidency.WaitForAsync($"/assembly/cases/{matterId}", c => (bool)c["referredToAssembly"]!, Soon);
        Assert.Equal("ZAF", (string)assemblyCase["stateCode"]!);
        Assert.DoesNotContain("Fictitious Person C", assemblyCase.ToJsonString());

        // The State's record counts the finding and the referral, and no consultation opened by the State for it.
        var recordAfter = await registry.GetFromJsonObjectAsync("/registry/records/ZAF");
        int Count(JsonObject r, string section, string figure) => (int)r["states"]![0]![section]![figure]!;
        Assert.Equal(Count(recordBefore, "matters", "findings") + 1, Count(recordAfter, "matters", "findings"));
        Assert.Equal(Count(recordBefore, "matters", "referredToAssembly") + 1, Count(recordAfter, "matters", "referredToAssembly"));
        Assert.Equal(Count(recordBefore, "consultations", "openedByState"), Count(recordAfter, "consultations", "openedByState"));
        Assert.Equal(Count(recordBefore, "requests", "transmitted") + 1, Count(recordAfter, "requests", "transmitted"));
    }

    private static async Task<JsonObject> StepAsync(HttpClient desk, string matterId, string step, object body)
    {
        using var response = await desk.PostJsonAsync($"/registry/matters/{matterId}/{step}", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{step}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
