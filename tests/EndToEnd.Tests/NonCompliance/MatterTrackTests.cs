using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cooperation.Contracts.NonCompliance;
using Cooperation.EndToEnd.Tests.Platform;
using Cooperation.EndToEnd.Tests.Security.Broker;
using static Cooperation.EndToEnd.Tests.NonCompliance.MatterDesk;

namespace Cooperation.EndToEnd.Tests.NonCompliance;

/// <summary>
/// The non-compliance track (Art 87(7)) on the real platform: the Registry records each Chamber decision, the State
/// concerned sees every step about itself on its node and answers through it, nobody else sees anything, and the
/// Assembly is notified once the Chamber refers — and not before, even of a sealed matter.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class MatterTrackTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_sealed_matter_runs_from_suspicion_to_referral_the_state_answers_and_the_assembly_learns_of_it_only_when_referred()
    {
        using var registry = platform.CreatePartnerClient("registry");
        using var uganda = platform.CreatePartnerClient("state:UGA");
        using var southAfrica = platform.CreatePartnerClient("state:ZAF");
        await using var assembly = await AssemblyTap.OpenAsync();
        var requestId = await TransmittedAsync(registry, "UGA", classification: "UnderSeal");

        var opened = await OpenAsync(registry, requestId);
        var id = (string)opened["id"]!;
        Assert.Equal("Suspected", (string)opened["step"]!);
        Assert.Equal("UnderSeal", (string)opened["classification"]!);
        var atUganda = await uganda.WaitForAsync($"/states/UGA/matters/{id}", m => (string)m["step"]! == "Suspected", Soon);
        Assert.Equal(requestId, (string)atUganda["requestId"]!);

        // Regulation 109: the Chamber invites observations by a date, which becomes a tracked deadline at the Registry.
        var replyBy = Day(21);
        var invited = await StepAsync(registry, id, "observations-invitation",
            new { decisionReference = "ICC-01/99-01/26-11", decidedOn = Day(0), replyBy });
        Assert.Equal("ObservationsInvited", (string)invited["step"]!);
        var due = new DateTimeOffset(DateOnly.Parse(replyBy).AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        Assert.Equal(due, DateTimeOffset.Parse((string)invited["observationsDeadline"]!["dueAt"]!));
        Assert.Equal("ObservationsReply", (string)invited["observationsDeadline"]!["kind"]!);
        var deadlines = await registry.GetAsync($"/registry/requests/{requestId}/deadlines");
        Assert.Contains("ObservationsReply", await deadlines.Content.ReadAsStringAsync());
        atUganda = await uganda.WaitForAsync($"/states/UGA/matters/{id}", m => (string)m["step"]! == "ObservationsInvited", Soon);
        Assert.Equal(replyBy, (string)atUganda["observationsDueBy"]!);
        Assert.Equal("ICC-01/99-01/26-11", (string)atUganda["steps"]![1]!["decisionReference"]!);

        // A finding while the State's time runs, and a referral before any finding: refused, nothing changed.
        var early = await RefusedAsync(registry, id, "finding",
            new { decisionReference = "F", decidedOn = Day(0), failureContraryToStatute = true, preventsCourtFunctions = true }, HttpStatusCode.Conflict);
        Assert.EndsWith("/state-not-heard", (string)early["type"]!);
        var referral = await RefusedAsync(registry, id, "referral", new { decisionReference = "R", decidedOn = Day(0), toAssembly = true },
            HttpStatusCode.Conflict);
        Assert.EndsWith("/illegal-matter-step", (string)referral["type"]!);

        // The State answers through its node; the Registry records the step and the deadline is met.
        var text = $"Observations of Uganda {Guid.NewGuid():N}";
        using (var submitted = await uganda.PostJsonAsync($"/states/UGA/matters/{id}/observations", new { text }))
            Assert.True(submitted.StatusCode == HttpStatusCode.Accepted, await submitted.Content.ReadAsStringAsync());
        var answered = await registry.WaitForAsync($"/registry/matters/{id}", m => (string)m["step"]! == "ObservationsSubmitted", Soon);
        Assert.Equal(text, (string)answered["observations"]!["text"]!);
        Assert.NotNull(answered["observationsDeadline"]!["cancelledAt"]);
        using (var again = await uganda.PostJsonAsync($"/states/UGA/matters/{id}/observations", new { text = "again" }))
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        await uganda.WaitForAsync($"/states/UGA/matters/{id}", m => (string)m["step"]! == "ObservationsSubmitted", Soon);

        // Art 87(7): both elements, and the Council only for a situation it referred (Art 13(b)).
        var halfFinding = await RefusedAsync(registry, id, "finding",
            new { decisionReference = "F", decidedOn = Day(0), failureContraryToStatute = true, preventsCourtFunctions = false },
            HttpStatusCode.UnprocessableEntity);
        Assert.NotNull(halfFinding["errors"]!["preventsCourtFunctions"]);
        await FindingAsync(registry, id);
        var council = await RefusedAsync(registry, id, "referral",
            new { decisionReference = "R", decidedOn = Day(0), toSecurityCouncil = true }, HttpStatusCode.Conflict);
        Assert.EndsWith("/security-council-not-seized", (string)council["type"]!);

        // Nothing reached the Assembly before the referral, sealed as the matter is.
        Assert.Empty(await assembly.DrainAsync(id));
        Assert.Equal(0, await NotificationsInOutboxAsync(id));

        using var referred = await registry.PostJsonAsync($"/registry/matters/{id}/referral",
            new { decisionReference = "ICC-01/99-01/26-30", decidedOn = Day(0), toAssembly = true });
        Assert.True(referred.StatusCode == HttpStatusCode.OK, await referred.Content.ReadAsStringAsync());
        var trace = referred.Headers.GetValues("X-Correlation-Id").Single();
        var matter = await referred.ReadObjectAsync();
        Assert.Equal(["Suspected", "ObservationsInvited", "ObservationsSubmitted", "Finding", "ReferredToAssembly"], Steps(matter));
        Assert.NotNull(matter["assemblyNotifiedAt"]);

        var notified = Assert.Single(await assembly.WaitForAsync(id, 1, Soon))["message"]!;
        Assert.Equal("MatterStep", (string)notified["reason"]!);
        Assert.Equal("UGA", (string)notified["stateCode"]!);
        Assert.Equal("UnderSeal", (string)notified["classification"]!);
        Assert.Equal(["Suspected", "ObservationsInvited", "ObservationsSubmitted", "Finding", "ReferredToAssembly"],
            notified["steps"]!.AsArray().Select(s => (string)s!["step"]!));
        Assert.Equal("ICC-01/99-01/26-30", (string)notified["steps"]![4]!["decisionReference"]!);
        // Never the request's contents (Art 87(3)), nor the State's observations.
        Assert.DoesNotContain("Fictitious Person", notified.ToJsonString());
        Assert.DoesNotContain(text, notified.ToJsonString());
        // In the referral's own trace, through the Registry's outbox.
        var traceParents = await platform.Database("registry").StringsAsync(
            """SELECT "TraceParent" FROM outbox_messages WHERE "MessageType" LIKE '%NonCooperationNotified%' AND "Body" LIKE @id""",
            ("@id", $"%{id}%"));
        Assert.Contains(trace, Assert.Single(traceParents));

        await uganda.WaitForAsync($"/states/UGA/matters/{id}", m => (string)m["step"]! == "ReferredToAssembly", Soon);

        // South Africa sees nothing of it: not on its node, not through the API, not in its database.
        using (var other = await southAfrica.GetAsync($"/states/ZAF/matters/{id}")) Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        using (var list = await southAfrica.GetAsync("/states/ZAF/matters")) Assert.DoesNotContain(id, await list.Content.ReadAsStringAsync());
        using (var cross = await southAfrica.GetAsync($"/states/UGA/matters/{id}")) Assert.Equal(HttpStatusCode.NotFound, cross.StatusCode);
        using (var post = await southAfrica.PostJsonAsync($"/states/ZAF/matters/{id}/observations", new { text = "not ours" }))
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var southAfricaDb = platform.Database("state-zaf");
        Assert.Equal(0, await southAfricaDb.CountAsync("""SELECT COUNT(*) FROM noncompliance_matters WHERE "Id" = @id""", ("@id", southAfricaDb.Id(Guid.Parse(id)))));
        Assert.Equal(0, await southAfricaDb.CountAsync("""SELECT COUNT(*) FROM noncompliance_matters WHERE "RequestId" = @id""",
            ("@id", southAfricaDb.Id(Guid.Parse(requestId)))));
        var ugandaDb = platform.Database("state-uga");
        Assert.Equal(1, await ugandaDb.CountAsync("""SELECT COUNT(*) FROM noncompliance_matters WHERE "Id" = @id""", ("@id", ugandaDb.Id(Guid.Parse(id)))));

        // The Registry's list, filtered by State and step.
        var page = await registry.GetFromJsonObjectAsync("/registry/matters?state=UGA&step=ReferredToAssembly");
        Assert.Contains(page["items"]!.AsArray(), m => (string)m!["id"]! == id);
        var zaf = await registry.GetFromJsonObjectAsync("/registry/matters?state=ZAF");
        Assert.DoesNotContain(zaf["items"]!.AsArray(), m => (string)m!["id"]! == id);
    }

    [Fact]
    public async Task A_missed_observations_deadline_is_seen_at_both_ends_then_the_referral_is_deferred_and_later_made_to_the_council()
    {
        // Italy 2025 in outline: observations invited, the date passes unanswered, finding, referral deferred; the
        // situation was referred by the Security Council, so the Council may later be seized.
        using var registry = platform.CreatePartnerClient("registry");
        using var southAfrica = platform.CreatePartnerClient("state:ZAF");
        await using var assembly = await AssemblyTap.OpenAsync();
        var requestId = await TransmittedAsync(registry, "ZAF");
        var id = (string)(await OpenAsync(registry, requestId, securityCouncilSituation: true))["id"]!;

        await InvitedLongAgoAsync(registry, id);
        var missed = await registry.WaitForAsync($"/registry/matters/{id}", m => m["observationsDeadline"]?["firedAt"] is not null, Soon);
        Assert.Equal("ObservationsInvited", (string)missed["step"]!);
        var atState = await southAfrica.WaitForAsync($"/states/ZAF/matters/{id}",
            m => m["deadlineNotices"]!.AsArray().Any(n => (string)n!["type"]! == "Missed"), Soon);
        Assert.Equal("ObservationsReply", (string)atState["deadlineNotices"]!.AsArray().Single(n => (string)n!["type"]! == "Missed")!["kind"]!);
        using (var deadlines = await southAfrica.GetAsync($"/states/ZAF/requests/{requestId}/deadlines"))
            Assert.Contains("ObservationsReply", await deadlines.Content.ReadAsStringAsync());

        await FindingAsync(registry, id);
        var deferred = await StepAsync(registry, id, "referral-deferral", new { decisionReference = "ICC-01/99-01/26-40", decidedOn = Day(0) });
        Assert.Equal("ReferralDeferred", (string)deferred["step"]!);
        var council = await StepAsync(registry, id, "referral", new { decisionReference = "ICC-01/99-01/26-41", decidedOn = Day(0), toSecurityCouncil = true });
        Assert.Equal(["Suspected", "ObservationsInvited", "Finding", "ReferralDeferred", "ReferredToSecurityCouncil"], Steps(council));
        await southAfrica.WaitForAsync($"/states/ZAF/matters/{id}", m => (string)m["step"]! == "ReferredToSecurityCouncil", Soon);

        // Referred to the Council only: the Assembly has not been notified. Then the Assembly too (Art 87(7)), and it is.
        Assert.Empty(await assembly.DrainAsync(id));
        var both = await StepAsync(registry, id, "referral", new { decisionReference = "ICC-01/99-01/26-42", decidedOn = Day(0), toAssembly = true });
        Assert.Equal("ReferredToAssembly", (string)both["step"]!);
        var notified = Assert.Single(await assembly.WaitForAsync(id, 1, Soon))["message"]!;
        Assert.Equal(6, notified["steps"]!.AsArray().Count);
        // Both referrals made: nothing further.
        await RefusedAsync(registry, id, "no-referral", new { decisionReference = "N", decidedOn = Day(0) }, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Bad_input_is_named_field_by_field_unknown_matters_are_404_and_a_retried_step_is_recorded_once()
    {
        using var registry = platform.CreatePartnerClient("registry");
        using (var missing = await registry.PostJsonAsync("/registry/matters", new { suspectedOn = Day(3) }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
            var errors = (await missing.ReadObjectAsync())["errors"]!.AsObject();
            Assert.Equal(["requestId", "suspectedOn"], errors.Select(e => e.Key).Order());
        }
        using (var unknownRequest = await registry.PostJsonAsync("/registry/matters", new { requestId = Guid.NewGuid() }))
            Assert.Equal(HttpStatusCode.NotFound, unknownRequest.StatusCode);
        using (var unknownMatter = await registry.GetAsync($"/registry/matters/{Guid.NewGuid()}"))
            Assert.Equal(HttpStatusCode.NotFound, unknownMatter.StatusCode);
        using (var unknownStep = await registry.PostJsonAsync($"/registry/matters/{Guid.NewGuid()}/finding", new { }))
            Assert.Equal(HttpStatusCode.NotFound, unknownStep.StatusCode);
        using (var badFilter = await registry.GetAsync("/registry/matters?step=Convicted&state=X1"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, badFilter.StatusCode);
            Assert.Equal(["state", "step"], (await badFilter.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key).Order());
        }

        // A draft never reached the State: no matter on it.
        using var drafted = await registry.PostJsonAsync("/registry/requests", Requests.Samples.ArrestAndSurrender("UGA"));
        var draftId = (string)(await drafted.ReadObjectAsync())["id"]!;
        using (var onDraft = await registry.PostJsonAsync("/registry/matters", new { requestId = draftId }))
        {
            Assert.Equal(HttpStatusCode.Conflict, onDraft.StatusCode);
            Assert.EndsWith("/request-not-issued", (string)(await onDraft.ReadObjectAsync())["type"]!);
        }

        var requestId = await TransmittedAsync(registry, "UGA", delivered: false);
        var id = (string)(await OpenAsync(registry, requestId))["id"]!;
        using (var second = await registry.PostJsonAsync("/registry/matters", new { requestId }))
        {
            Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
            Assert.EndsWith("/matter-exists", (string)(await second.ReadObjectAsync())["type"]!);
        }

        var invalid = await RefusedAsync(registry, id, "observations-invitation", new { decidedOn = Day(5) }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["decidedOn", "decisionReference", "replyBy"], invalid["errors"]!.AsObject().Select(e => e.Key).Order());
        var before = await RefusedAsync(registry, id, "observations-invitation",
            new { decisionReference = "I", decidedOn = Day(0), replyBy = Day(-1) }, HttpStatusCode.UnprocessableEntity);
        Assert.NotNull(before["errors"]!["replyBy"]);

        // The same Idempotency-Key twice: one step, the same answer.
        var key = Guid.NewGuid().ToString("N");
        var answers = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/registry/matters/{id}/closure")
            {
                Content = JsonContent.Create(new { decisionReference = "ICC-01/99-01/26-50", decidedOn = Day(0) }),
            };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await registry.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add(await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(answers[0], answers[1]);
        var closed = await registry.GetFromJsonObjectAsync($"/registry/matters/{id}");
        Assert.Equal(["Suspected", "Closed"], Steps(closed));
        // Closed without finding: no finding can follow.
        await RefusedAsync(registry, id, "finding",
            new { decisionReference = "F", decidedOn = Day(0), failureContraryToStatute = true, preventsCourtFunctions = true }, HttpStatusCode.Conflict);

        // Observations beyond the State's input limits: 422 at its node, nothing sent.
        using var uganda = platform.CreatePartnerClient("state:UGA");
        await uganda.WaitForAsync($"/states/UGA/matters/{id}", m => (string)m["step"]! == "Closed", Soon);
        using (var tooLong = await uganda.PostJsonAsync($"/states/UGA/matters/{id}/observations", new { text = new string('x', 8_001) }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
            Assert.NotNull((await tooLong.ReadObjectAsync())["errors"]!["text"]);
        }
        using (var late = await uganda.PostJsonAsync($"/states/UGA/matters/{id}/observations", new { text = "too late" }))
            Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task South_africas_broker_user_cannot_submit_observations_on_ugandas_matter()
    {
        using var registry = platform.CreatePartnerClient("registry");
        var requestId = await TransmittedAsync(registry, "UGA", delivered: false);
        var id = (string)(await OpenAsync(registry, requestId))["id"]!;
        await StepAsync(registry, id, "observations-invitation", new { decisionReference = "I", decidedOn = Day(0), replyBy = Day(10) });
        var now = DateTimeOffset.UtcNow;
        object Observations(string state) => new
        {
            requestId = Guid.Parse(requestId), requestVersion = 1, senderOrgan = "State", classification = "Confidential", sentAt = now,
            readers = Array.Empty<string>(), matterId = Guid.Parse(id), stateCode = state, text = "forged observations", submittedAt = now,
        };
        using var operations = PlatformFixture.CreateClient(platform.Service("registry").BaseAddress, platform.TokenOf("operator-console"));

        // Claiming to be Uganda, from South Africa's exchange; then honestly as South Africa about Uganda's matter.
        foreach (var claimed in new[] { "UGA", "ZAF" })
        {
            var messageId = Guid.NewGuid();
            await BrokerAttack.PublishAsync("state-zaf", "state-zaf.to-registry", BrokerAttack.Urn<MatterObservationsSubmitted>(), Observations(claimed), messageId);
            var parked = await BrokerAttack.WaitParkedAsync(operations, messageId);
            Assert.Equal("registry.from-state-zaf_error", parked.GetProperty("queue").GetString());
            Assert.Contains(claimed == "UGA" ? "ForgedSenderException" : "UnknownRequestException", BrokerAttack.Header(parked, "MT-Fault-ExceptionType"));
        }
        var matter = await registry.GetFromJsonObjectAsync($"/registry/matters/{id}");
        Assert.Equal("ObservationsInvited", (string)matter["step"]!);
        Assert.Null(matter["observations"]);
    }

    private async Task<long> NotificationsInOutboxAsync(string id) =>
        await platform.Database("registry").CountAsync(
            """SELECT COUNT(*) FROM outbox_messages WHERE "MessageType" LIKE '%NonCooperationNotified%' AND "Body" LIKE @id""", ("@id", $"%{id}%"));
}
