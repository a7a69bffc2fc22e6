using System.Net;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Alerts;
using Cooperation.EndToEnd.Tests.NonCompliance;
using Cooperation.EndToEnd.Tests.Platform;
using static Cooperation.EndToEnd.Tests.Assembly.AssemblyDesk;

namespace Cooperation.EndToEnd.Tests.Cases;

/// <summary>
/// Issue 9 §5, Mongolia 2024 (public facts as reported in domain.md), on the real broker with each party's own
/// credentials. South Africa's node (ZAF) plays Mongolia, Uganda's (UGA) a State that must learn nothing. In the case's
/// order, shifted to the run's calendar: the visit is announced (2–3 Sep); the Registry alerts the State; the State asks
/// to consult only days before the visit (30 Aug), on immunity, though it knew of the visit for weeks; the Chamber answers
/// the same day that consultations must be timely and that immunity is not opposable (Art 27, 98); no arrest;
/// observations invited; finding (24 Oct); referral to the Assembly, whose formal response starts; the State's record
/// counts the late consultation.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class MongoliaCaseTests(PlatformFixture platform)
{
    [Fact]
    public async Task An_alert_a_consultation_asked_days_before_the_visit_no_arrest_then_finding_referral_and_the_formal_response()
    {
        var flow = new AlertFlow(platform);
        using var registry = flow.Registry();
        using var mongolia = flow.State("ZAF");
        using var other = flow.State("UGA");
        using var presidency = platform.CreateClientFor("assembly-secretariat");
        var today = AlertFlow.Day(0);
        var period = $"/registry/records/ZAF?from={today}&to={today}";
        var recordBefore = StateRecord(await registry.GetFromJsonObjectAsync(period));

        // The warrant's arrest request is with the State (Art 89(1)); the Court learns the person is expected in three days.
        var person = $"Fictitious Person M{Guid.NewGuid():N}"[..30];
        var (requestId, _) = await flow.DeliveredArrestRequestAsync(registry, "ZAF", person: person);
        var issued = await AlertFlow.IssueAsync(registry, requestId, AlertFlow.Entry("ZAF", "Destination", 3, 4, "Official visit announced"));
        var alertId = (string)issued["id"]!;
        Assert.False((bool)AlertFlow.EntryOf(issued, "ZAF")["requestSentWithAlert"]!);
        await AlertFlow.WaitBoardAsync(registry, alertId, b => (string)AlertFlow.EntryOf(b, "ZAF")["stage"]! == "Delivered");

        // The State's copy recalls the obligation and invites immediate consultation; it acknowledges in time.
        var copy = await mongolia.GetFromJsonObjectAsync($"/states/ZAF/alerts/{alertId}");
        Assert.Contains("97", copy.ToJsonString());
        using (var ack = await AlertFlow.PostAsync(mongolia, $"/states/ZAF/alerts/{alertId}/acknowledge", new { acknowledgedBy = "Ministry of Foreign Affairs" }))
            Assert.True(ack.StatusCode == HttpStatusCode.OK, await ack.Content.ReadAsStringAsync());

        // Days before the visit the State asks to consult, on immunity — but the visit was known to it weeks earlier
        // (recorded as the problem's date), so the opening breaches the "without delay" service level (Art 97).
        var knownSince = DateTimeOffset.UtcNow.AddDays(-20);
        using var opened = await AlertFlow.PostAsync(mongolia, $"/states/ZAF/alerts/{alertId}/consultations", new
        {
            grounds = new[] { "Immunity" },
            description = "The person is a serving head of State; we ask to consult on immunity (Art 27, 98).",
            problemRecordedAt = knownSince,
        });
        var consultation = await opened.ReadObjectAsync();
        Assert.True(opened.StatusCode == HttpStatusCode.Created, consultation.ToJsonString());
        var consultationId = (string)consultation["id"]!;
        var path = $"/registry/requests/{requestId}/consultations/{consultationId}";
        var thread = await registry.WaitForAsync(path, _ => true, AlertFlow.Soon);
        Assert.Contains(thread["serviceLevel"]!["breaches"]!.AsArray(), b => (string)b!["measure"]! == "TimeToOpen");

        // The Chamber answers the same day: consultations must be timely; immunity is not opposable before the Court
        // and no waiver is required (Art 27, 98), so the duty to arrest and surrender stands.
        using (var answer = await registry.PostJsonAsync(path + "/messages",
                   new { classification = "Confidential", text = "Consultations must be timely. Personal immunity is not opposable before the Court (Art 27, 98); the request stands." }))
            Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
        await mongolia.WaitForAsync($"/states/ZAF/requests/{requestId}/consultations/{consultationId}",
            c => c["messages"]!.AsArray().Any(m => (string)m!["authorOrgan"]! == "Registry"), AlertFlow.Soon);

        // The visit takes place; no arrest is notified.
        var board = await registry.GetFromJsonObjectAsync($"/registry/alerts/{alertId}");
        Assert.Null(AlertFlow.EntryOf(board, "ZAF")["arrestNotifiedOn"]);
        Assert.Equal(0, (int)board["counts"]!["arrests"]!);
        Assert.Equal("ArrestAndSurrender", (string)(await registry.GetFromJsonObjectAsync($"/registry/requests/{requestId}"))["kind"]!);

        // Art 87(7): suspected, observations invited (reply-by passed), finding, referral to the Assembly.
        using var matterOpened = await registry.PostJsonAsync("/registry/matters",
            new { requestId, suspectedOn = AlertFlow.Day(-60), situation = "ICC-01/99", situationReferredBySecurityCouncil = false });
        Assert.Equal(HttpStatusCode.Created, matterOpened.StatusCode);
        var matterId = (string)(await matterOpened.ReadObjectAsync())["id"]!;
        await MatterDesk.StepAsync(registry, matterId, "observations-invitation",
            new { decisionReference = "ICC-01/99-01/26-80", decidedOn = AlertFlow.Day(-40), replyBy = AlertFlow.Day(-10) });
        await MatterDesk.StepAsync(registry, matterId, "finding",
            new { decisionReference = "ICC-01/99-01/26-90", decidedOn = AlertFlow.Day(-1), failureContraryToStatute = true, preventsCourtFunctions = true });
        var matter = await MatterDesk.StepAsync(registry, matterId, "referral",
            new { decisionReference = "ICC-01/99-01/26-90", decidedOn = today, toAssembly = true, toSecurityCouncil = false });
        Assert.Equal(["Suspected", "ObservationsInvited", "Finding", "ReferredToAssembly"],
            matter["steps"]!.AsArray().Select(s => (string)s!["step"]!));

        // The Assembly has the case (never the request's contents) and the Presidency starts the formal response
        // (ASP procedures, para 14: an emergency Bureau meeting first); the State sees it, the other State does not.
        var assemblyPath = $"/assembly/cases/{matterId}";
        var assemblyCase = await presidency.WaitForAsync(assemblyPath, c => (bool)c["referredToAssembly"]!, AlertFlow.Soon);
        Assert.Equal("ZAF", (string)assemblyCase["stateCode"]!);
        Assert.Equal("EmergencyBureauMeeting", (string)assemblyCase["nextFormalStep"]!);
        Assert.DoesNotContain(person, assemblyCase.ToJsonString());
        var started = await PostCreatedAsync(presidency, assemblyPath + "/formal-steps", Step("EmergencyBureauMeeting", DateOnly.Parse(today)));
        Assert.Equal(["EmergencyBureauMeeting"], Steps(started));
        await mongolia.WaitForAsync($"/states/ZAF/assembly/cases/{matterId}", c => Steps(c, "steps").Contains("EmergencyBureauMeeting"), AlertFlow.Soon);
        await mongolia.WaitForAsync($"/states/ZAF/matters/{matterId}",
            m => m["steps"]!.AsArray().Any(s => (string)s!["step"]! == "ReferredToAssembly"), AlertFlow.Soon);
        foreach (var hidden in new[] { $"/states/UGA/matters/{matterId}", $"/states/UGA/assembly/cases/{matterId}", $"/states/UGA/alerts/{alertId}" })
        {
            using var refused = await other.GetAsync(hidden);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        // The State's record: the alert acknowledged in time and consulted on, the consultation late, no arrest, the
        // finding and the referral.
        var recordAfter = StateRecord(await registry.GetFromJsonObjectAsync(period));
        int Delta(string section, string figure) => (int)recordAfter[section]![figure]! - (int)recordBefore[section]![figure]!;
        Assert.Equal(1, Delta("consultations", "openedByState"));
        Assert.Equal(1, Delta("consultations", "timeToOpenBreaches"));
        Assert.Equal(0, Delta("consultations", "openedWithinServiceLevel"));
        Assert.Equal(1, (int)recordAfter["consultations"]!["grounds"]!["Immunity"]! - (int)recordBefore["consultations"]!["grounds"]!["Immunity"]!);
        Assert.Equal(1, Delta("alerts", "addressed"));
        Assert.Equal(1, Delta("alerts", "acknowledgedInTime"));
        Assert.Equal(1, Delta("alerts", "consultationsOpened"));
        Assert.Equal(0, Delta("alerts", "arrestsNotified"));
        Assert.Equal(1, Delta("matters", "findings"));
        Assert.Equal(1, Delta("matters", "referredToAssembly"));
    }

    private static JsonObject StateRecord(JsonObject records) => records["states"]!.AsArray().Single()!.AsObject();
}
