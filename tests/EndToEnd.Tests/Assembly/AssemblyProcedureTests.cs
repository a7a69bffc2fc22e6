using System.Net;
using Cooperation.EndToEnd.Tests.Platform;
using static Cooperation.EndToEnd.Tests.Assembly.AssemblyDesk;

namespace Cooperation.EndToEnd.Tests.Assembly;

/// <summary>
/// Issue 9 §3: the Assembly's procedures (ICC-ASP/10/Res.5 annex, as amended by ICC-ASP/11/Res.8 annex I and
/// ICC-ASP/17/Res.5 annex II) on the real broker, through the gateway with each party's own credentials: the Registry
/// notifies, the Presidency/Bureau responds, the State concerned sees the steps about itself and answers, and nobody
/// else sees anything of it.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AssemblyProcedureTests(PlatformFixture platform)
{
    private const string Presidency = "assembly-secretariat";
    private const string FocalPoint = "focal-point-africa";

    [Fact]
    public async Task A_referral_gets_the_formal_response_step_by_step_and_the_state_sees_and_answers_it_alone()
    {
        var person = $"Person {Guid.NewGuid():N}";
        var (requestId, reference) = await DeliveredRequestAsync(platform, "UGA", person);
        var caseId = Guid.NewGuid();
        await NotifyAsync(caseId, "UGA", requestId, reference, "MatterStep", ReferredMatter(Today.AddDays(-30)));

        using var presidency = platform.CreateClientFor(Presidency);
        using var focalPoint = platform.CreateClientFor(FocalPoint);
        var path = $"/assembly/cases/{caseId}";
        var notified = await presidency.WaitForAsync(path, c => (bool)c["referredToAssembly"]!, Soon);
        Assert.Equal("UGA", (string)notified["stateCode"]!);
        Assert.Equal(reference, (string)notified["requestReference"]!);
        Assert.Equal(4, notified["courtSteps"]!.AsArray().Count);
        Assert.Equal("EmergencyBureauMeeting", (string)notified["nextFormalStep"]!);
        // Never the contents of a request (Art 87(3)): the person sought is not known here.
        Assert.DoesNotContain(person, notified.ToJsonString());

        // A focal point reads the case, but the formal response is the Presidency's: refused at the gateway.
        Assert.Equal(caseId.ToString(), (string)(await focalPoint.GetFromJsonObjectAsync(path))["id"]!);
        await RefusedAsync(focalPoint, path + "/formal-steps", Step("EmergencyBureauMeeting", Today.AddDays(-28)), HttpStatusCode.Forbidden);

        // Para 14: emergency Bureau meeting, then the President's letter; out of order is 409.
        await PostCreatedAsync(presidency, path + "/formal-steps", Step("EmergencyBureauMeeting", Today.AddDays(-28)));
        await RefusedAsync(presidency, path + "/formal-steps", Step("BureauMeetingWithState", Today.AddDays(-27)),
            HttpStatusCode.Conflict, "illegal-assembly-step");
        var lettered = await PostCreatedAsync(presidency, path + "/formal-steps", Step("PresidentsLetter", Today));
        // About two weeks by default; a tracked deadline.
        Assert.Equal(Today.AddDays(14).ToString("yyyy-MM-dd"), (string)lettered["formalSteps"]![1]!["viewsDueBy"]!);
        Assert.Equal("Pending", (string)lettered["viewsDeadline"]!["status"]!);

        // Uganda's node shows the steps about itself, with the views-by date.
        using var uganda = platform.CreatePartnerClient("state:UGA");
        var statePath = $"/states/UGA/assembly/cases/{caseId}";
        var seen = await uganda.WaitForAsync(statePath, c => c["steps"]!.AsArray().Count == 2, Soon);
        Assert.Equal(["EmergencyBureauMeeting", "PresidentsLetter"], Steps(seen, "steps"));
        Assert.Equal(Today.AddDays(14).ToString("yyyy-MM-dd"), (string)seen["viewsDueBy"]!);
        Assert.Contains(caseId.ToString(), (await uganda.GetStringAsync("/states/UGA/assembly/cases")));

        // South Africa sees nothing of it: not through its own node, not through Uganda's, not in its database.
        using var southAfrica = platform.CreatePartnerClient("state:ZAF");
        using (var other = await southAfrica.GetAsync($"/states/ZAF/assembly/cases/{caseId}")) Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        using (var foreign = await southAfrica.GetAsync(statePath)) Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.DoesNotContain(caseId.ToString(), await southAfrica.GetStringAsync("/states/ZAF/assembly/cases"));
        Assert.Equal(0, await platform.Database("state-zaf").CountAsync(
            """SELECT COUNT(*) FROM assembly_steps WHERE "CaseId" = @id""", ("@id", platform.Database("state-zaf").Id(caseId))));

        // Uganda answers the letter with its views through its node; the deadline is met.
        var answered = await PostCreatedAsync(uganda, statePath + "/views", new
        {
            views = "Uganda's views on the President's letter.",
            documents = new[] { Document("UGA/MFA/2026/1", Today) },
        });
        Assert.Single(answered["viewsSent"]!.AsArray());
        var met = await presidency.WaitForAsync(path, c => c["stateViews"]!.AsArray().Count == 1, Soon);
        Assert.Equal("Met", (string)met["viewsDeadline"]!["status"]!);
        Assert.Equal("UGA/MFA/2026/1", (string)met["stateViews"]![0]!["documents"]![0]!["reference"]!);

        // The rest of the formal response, in domain.md's order of para 14(e): plenary, then the Bureau's report.
        await PostCreatedAsync(presidency, path + "/formal-steps", Step("BureauMeetingWithState", Today));
        await RefusedAsync(presidency, path + "/formal-steps", Step("BureauReport", Today), HttpStatusCode.Conflict, "illegal-assembly-step");
        await PostCreatedAsync(presidency, path + "/formal-steps", Step("PlenaryConsideration", Today));
        var done = await PostCreatedAsync(presidency, path + "/formal-steps", Step("BureauReport", Today));
        Assert.Equal(["EmergencyBureauMeeting", "PresidentsLetter", "BureauMeetingWithState", "PlenaryConsideration", "BureauReport"], Steps(done));
        Assert.Null(done["nextFormalStep"]);
        var all = await uganda.WaitForAsync(statePath, c => c["steps"]!.AsArray().Count == 5, Soon);
        Assert.Equal(Steps(done), Steps(all, "steps"));
    }

    [Fact]
    public async Task The_presidents_letter_reminds_the_state_before_its_views_are_due()
    {
        var caseId = Guid.NewGuid();
        await NotifyAsync(caseId, "UGA", Guid.NewGuid(), "REG-2026-REMIND", "MatterStep", ReferredMatter(Today.AddDays(-10)));
        using var presidency = platform.CreateClientFor(Presidency);
        var path = $"/assembly/cases/{caseId}";
        await presidency.WaitForAsync(path, c => (bool)c["referredToAssembly"]!, Soon);
        await PostCreatedAsync(presidency, path + "/formal-steps", Step("EmergencyBureauMeeting", Today));
        // The fixture's reminder offsets put a reminder every 30 s for this views-by date (real time, real scheduler).
        await PostCreatedAsync(presidency, path + "/formal-steps", Step("PresidentsLetter", Today, viewsDueBy: platform.AssemblyRemindedViewsDueBy));

        var reminded = await presidency.WaitForAsync(path, c => (int)c["viewsDeadline"]!["remindersSent"]! >= 1, TimeSpan.FromSeconds(75));
        Assert.Equal("Pending", (string)reminded["viewsDeadline"]!["status"]!);
        using var uganda = platform.CreatePartnerClient("state:UGA");
        var seen = await uganda.WaitForAsync($"/states/UGA/assembly/cases/{caseId}",
            c => c["notices"]!.AsArray().Any(n => (string)n!["type"]! == "Reminder"), Soon);
        Assert.All(seen["notices"]!.AsArray(), n => Assert.Equal("AssemblyViewsDue", (string)n!["kind"]!));
    }

    [Fact]
    public async Task Views_not_given_by_the_letters_date_fall_missed_and_the_state_is_told()
    {
        var caseId = Guid.NewGuid();
        await NotifyAsync(caseId, "UGA", Guid.NewGuid(), "REG-2026-MISSED", "MatterStep", ReferredMatter(Today.AddDays(-40)));
        using var presidency = platform.CreateClientFor(Presidency);
        var path = $"/assembly/cases/{caseId}";
        await presidency.WaitForAsync(path, c => (bool)c["referredToAssembly"]!, Soon);
        await PostCreatedAsync(presidency, path + "/formal-steps", Step("EmergencyBureauMeeting", Today.AddDays(-21)));
        await PostCreatedAsync(presidency, path + "/formal-steps", Step("PresidentsLetter", Today.AddDays(-20), viewsDueBy: Today.AddDays(-6)));

        var missed = await presidency.WaitForAsync(path, c => (string)c["viewsDeadline"]!["status"]! == "Missed", Soon);
        Assert.NotNull(missed["viewsDeadline"]!["missedAt"]);
        using var uganda = platform.CreatePartnerClient("state:UGA");
        await uganda.WaitForAsync($"/states/UGA/assembly/cases/{caseId}",
            c => c["notices"]!.AsArray().Any(n => (string)n!["type"]! == "Missed"), Soon);
    }

    [Fact]
    public async Task A_focal_point_logs_a_demarche_on_an_imminent_incident_before_any_finding()
    {
        var caseId = Guid.NewGuid();
        await NotifyAsync(caseId, "ZAF", Guid.NewGuid(), "REG-2026-ALERT", "ImminentIncident", [],
            expectedFrom: Today.AddDays(3), expectedUntil: Today.AddDays(5));
        using var presidency = platform.CreateClientFor(Presidency);
        using var africa = platform.CreateClientFor(FocalPoint);
        using var asia = platform.CreateClientFor("focal-point-asia");
        var path = $"/assembly/cases/{caseId}";
        var incident = await africa.WaitForAsync(path, c => (string)c["reason"]! == "ImminentIncident", Soon);
        Assert.False((bool)incident["referredToAssembly"]!);
        Assert.Null(incident["nextFormalStep"]);

        var demarche = new
        {
            kind = "Demarche", on = Today.ToString("yyyy-MM-dd"), interlocutor = "Ministry of Foreign Affairs",
            outcome = "The Ministry recalled its obligation to arrest and surrender (Art 86, 89(1)).",
        };
        // Para 16: a focal point acts on the cases assigned to it; only the Presidency assigns.
        await RefusedAsync(africa, path + "/informal-actions", demarche, HttpStatusCode.Forbidden, "focal-point-not-assigned");
        await RefusedAsync(africa, path + "/assignments", new { focalPoint = FocalPoint, region = "AfricanStates", on = Today.ToString("yyyy-MM-dd") },
            HttpStatusCode.Forbidden);
        // No formal response without a referral (Art 87(7)).
        await RefusedAsync(presidency, path + "/formal-steps", Step("EmergencyBureauMeeting", Today), HttpStatusCode.Conflict, "not-referred-to-assembly");

        var assigned = await PostCreatedAsync(presidency, path + "/assignments",
            new { focalPoint = FocalPoint, region = "AfricanStates", on = Today.ToString("yyyy-MM-dd") });
        Assert.Equal(FocalPoint, (string)assigned["assignments"]![0]!["focalPoint"]!);
        var logged = await PostCreatedAsync(africa, path + "/informal-actions", demarche);
        var entry = logged["informalActions"]!.AsArray().Single()!;
        Assert.Equal("Demarche", (string)entry["kind"]!);
        Assert.Equal(FocalPoint, (string)entry["by"]!);
        Assert.Equal(demarche.outcome, (string)entry["outcome"]!);
        // Another focal point still may not act on it; the President's good offices may.
        await RefusedAsync(asia, path + "/informal-actions", demarche, HttpStatusCode.Forbidden, "focal-point-not-assigned");
        var goodOffices = await PostCreatedAsync(presidency, path + "/informal-actions",
            new { kind = "GoodOffices", on = Today.ToString("yyyy-MM-dd"), outcome = "Call with the Minister; follow-up agreed." });
        Assert.Equal("presidency", (string)goodOffices["informalActions"]![1]!["by"]!);
    }

    [Fact]
    public async Task Bad_input_is_answered_with_every_invalid_field_and_changes_nothing()
    {
        var caseId = Guid.NewGuid();
        await NotifyAsync(caseId, "UGA", Guid.NewGuid(), "REG-2026-BAD", "MatterStep", ReferredMatter(Today.AddDays(-5)));
        using var presidency = platform.CreateClientFor(Presidency);
        var path = $"/assembly/cases/{caseId}";
        await presidency.WaitForAsync(path, c => (bool)c["referredToAssembly"]!, Soon);

        using var response = await presidency.PostJsonAsync(path + "/formal-steps", new { step = "EmergencyBureauMeeting", document = new { reference = "" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
        Assert.Equal(["document.date", "document.reference", "document.title", "on"], errors.Select(e => e.Key).Order().ToArray());
        using (var unknown = await presidency.PostJsonAsync($"/assembly/cases/{Guid.NewGuid()}/formal-steps", Step("EmergencyBureauMeeting", Today)))
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Empty((await presidency.GetFromJsonObjectAsync(path))["formalSteps"]!.AsArray());
    }

    [Fact]
    public async Task Malformed_bodies_and_wrong_credentials_are_refused_through_the_gateway_and_at_the_service()
    {
        var caseId = Guid.NewGuid();
        await NotifyAsync(caseId, "UGA", Guid.NewGuid(), "REG-2026-CREDS", "MatterStep", ReferredMatter(Today.AddDays(-5)));
        var path = $"/assembly/cases/{caseId}";
        using var presidency = platform.CreateClientFor(Presidency);
        await presidency.WaitForAsync(path, c => (bool)c["referredToAssembly"]!, Soon);

        foreach (var (body, what) in new[]
                 {
                     ("""{"step":"EmergencyBureauMeeting",""", "malformed JSON"),
                     ("""{"step":"CoffeeBreak","on":"2026-12-01"}""", "unknown step"),
                     ("""{"step":"EmergencyBureauMeeting","on":"yesterday"}""", "not a date"),
                     ("""{"step":"EmergencyBureauMeeting","on":"2026-12-01","document":{"reference":"r","title":"t","date":"2026-12-01"},"approvedBy":"x"}""", "unknown field"),
                 })
        {
            using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            using var response = await presidency.PostAsync(path + "/formal-steps", content);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.EndsWith("/malformed-body", (string)(await response.ReadObjectAsync())["type"]!);
        }

        // Through the gateway and straight to the service: no token 401; the Registry's or a State's scope 403.
        foreach (var baseAddress in new[] { platform.Gateway.BaseAddress, platform.Assembly.BaseAddress })
        {
            using var anonymous = PlatformFixture.CreateClient(baseAddress, token: null);
            using (var none = await anonymous.GetAsync(path)) Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
            foreach (var client in new[] { "registry-desk", "state-uga-cms" })
            {
                using var other = PlatformFixture.CreateClient(baseAddress, platform.TokenOf(client));
                using var read = await other.GetAsync(path);
                Assert.True(read.StatusCode == HttpStatusCode.Forbidden, $"{client} at {baseAddress}: {(int)read.StatusCode}");
            }
            using var focal = PlatformFixture.CreateClient(baseAddress, platform.TokenOf(FocalPoint));
            await RefusedAsync(focal, path + "/formal-steps", Step("EmergencyBureauMeeting", Today), HttpStatusCode.Forbidden);
        }
        Assert.Empty((await presidency.GetFromJsonObjectAsync(path))["formalSteps"]!.AsArray());
    }
}
