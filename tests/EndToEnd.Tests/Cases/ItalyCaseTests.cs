using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Alerts;
using Cooperation.EndToEnd.Tests.NonCompliance;
using Cooperation.EndToEnd.Tests.Platform;
using RabbitMQ.Client;

namespace Cooperation.EndToEnd.Tests.Cases;

/// <summary>
/// Issue 9 §5, Italy 2025 (public facts as reported in domain.md), on the real broker with each party's own credentials.
/// The same day the warrant issued (18 Jan) the Registry sent urgent requests to six States at once: here one travel
/// alert to every State of the run (the two nodes, UGA and ZAF, and the four States in the register that run no node),
/// each getting the arrest request with it where it had none. South Africa's node (ZAF) plays Italy: it arrests (19 Jan),
/// the person is brought before its judicial authority, then released by a national court's order two days later (21 Jan)
/// — before the 60 days of Art 92(3), so interim release (Art 59(3)–(6)). No consultation. Observations invited (17 Feb,
/// due 17 Mar); finding (17 Oct), the referral deferred pending domestic proceedings (the situation was referred by the
/// Security Council). The five other States never learn who arrested, nor that anyone did.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ItalyCaseTests(PlatformFixture platform)
{
    [Fact]
    public async Task One_alert_to_six_States_one_arrests_then_releases_finding_with_referral_deferred_and_the_others_never_learn()
    {
        var flow = new AlertFlow(platform);
        using var registry = flow.Registry();
        using var italy = flow.State("ZAF");
        using var uganda = flow.State("UGA");
        using var presidency = platform.CreateClientFor("assembly-secretariat");
        var today = AlertFlow.Day(0);
        var period = $"/registry/records/ZAF?from={today}&to={today}";
        var recordBefore = StateRecord(await registry.GetFromJsonObjectAsync(period));
        string[] six = [.. PlatformFixture.Registered];
        Assert.Equal(6, six.Length);

        // 18 Jan: the warrant's arrest request to Italy, and one alert to all six States (Art 86, 89(1), 97).
        var (requestId, _) = await flow.DeliveredArrestRequestAsync(registry, "ZAF", person: $"Fictitious Person I{Guid.NewGuid():N}"[..30]);
        var issued = await AlertFlow.IssueAsync(registry, requestId,
            six.Select(code => AlertFlow.Entry(code, code == "ZAF" ? "Destination" : "Transit", 1, 2)).ToArray());
        var alertId = (string)issued["id"]!;
        Assert.Equal(6, (int)issued["counts"]!["states"]!);
        foreach (var code in six.Where(c => c != "ZAF"))
            Assert.True((bool)AlertFlow.EntryOf(issued, code)["requestSentWithAlert"]!, $"{code} had no arrest request: it goes with the alert");
        var board = await AlertFlow.WaitBoardAsync(registry, alertId,
            b => (string)AlertFlow.EntryOf(b, "ZAF")["stage"]! == "Delivered" && (string)AlertFlow.EntryOf(b, "UGA")["stage"]! == "Delivered");
        var ugandaRequest = (string)AlertFlow.EntryOf(board, "UGA")["requestId"]!;
        foreach (var (client, code) in new[] { (italy, "ZAF"), (uganda, "UGA") })
        {
            using var ack = await AlertFlow.PostAsync(client, $"/states/{code}/alerts/{alertId}/acknowledge", new { acknowledgedBy = "Central authority" });
            Assert.True(ack.StatusCode == HttpStatusCode.OK, await ack.Content.ReadAsStringAsync());
        }

        // 19 Jan: Italy arrests (Art 59(1)) and brings the person before its judicial authority (59(2)); 21 Jan: released by
        // a national court's order, before the 60 days ran: interim release (59(3)–(6)). No consultation at any point.
        var arrested = DateOnly.Parse(today);
        await ArrestStepAsync(italy, requestId, "", new { arrestDate = Date(arrested) });
        await ArrestStepAsync(italy, requestId, "/judicial-authority", new { on = Date(arrested) });
        await ArrestStepAsync(italy, requestId, "/interim-release", new { on = Date(arrested) });
        var atRegistry = await registry.WaitForAsync($"/registry/requests/{requestId}/arrest", a => a["interimReleasedOn"] is not null, AlertFlow.Soon);
        Assert.Equal(Date(arrested), (string)atRegistry["broughtBeforeJudicialAuthorityOn"]!);
        board = await AlertFlow.WaitBoardAsync(registry, alertId, b => AlertFlow.EntryOf(b, "ZAF")["arrestNotifiedOn"] is not null);
        Assert.Equal(1, (int)board["counts"]!["arrests"]!);
        Assert.All(six.Where(c => c != "ZAF"), code => Assert.Null(AlertFlow.EntryOf(board, code)["arrestNotifiedOn"]));
        Assert.All(six, code => Assert.Null(AlertFlow.EntryOf(board, code)["consultation"]));

        // Art 87(7): suspected, observations invited (none came), finding, the referral deferred.
        using var opened = await registry.PostJsonAsync("/registry/matters",
            new { requestId, suspectedOn = AlertFlow.Day(-270), situation = "ICC-01/11", situationReferredBySecurityCouncil = true });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var matterId = (string)(await opened.ReadObjectAsync())["id"]!;
        await MatterDesk.StepAsync(registry, matterId, "observations-invitation",
            new { decisionReference = "ICC-01/11-01/24-100", decidedOn = AlertFlow.Day(-240), replyBy = AlertFlow.Day(-212) });
        await MatterDesk.StepAsync(registry, matterId, "finding",
            new { decisionReference = "ICC-01/11-01/24-130", decidedOn = today, failureContraryToStatute = true, preventsCourtFunctions = true });
        var matter = await MatterDesk.StepAsync(registry, matterId, "referral-deferral", new { decisionReference = "ICC-01/11-01/24-130", decidedOn = today });
        Assert.Equal(["Suspected", "ObservationsInvited", "Finding", "ReferralDeferred"], MatterDesk.Steps(matter));
        await italy.WaitForAsync($"/states/ZAF/matters/{matterId}",
            m => m["steps"]!.AsArray().Any(s => (string)s!["step"]! == "ReferralDeferred"), AlertFlow.Soon);
        // Deferred, not referred: nothing reaches the Assembly as a referral.
        using (var notReferred = await presidency.GetAsync($"/assembly/cases/{matterId}"))
            Assert.True(notReferred.StatusCode == HttpStatusCode.NotFound
                        || !(bool)JsonNode.Parse(await notReferred.Content.ReadAsStringAsync())!["referredToAssembly"]!);

        // The five others never learn who arrested, nor that anyone did: Uganda's copy of the alert and of its request
        // name no other State and no arrest; Italy's request, matter and the board are not Uganda's to read.
        var ugandaAlert = await uganda.GetFromJsonObjectAsync($"/states/UGA/alerts/{alertId}");
        var ugandaCopy = await uganda.GetFromJsonObjectAsync($"/states/UGA/requests/{ugandaRequest}");
        foreach (var seen in new[] { ugandaAlert.ToJsonString(), ugandaCopy.ToJsonString() })
        {
            foreach (var code in six.Where(c => c != "UGA")) Assert.DoesNotContain($"\"{code}\"", seen);
            Assert.DoesNotContain("arrestNotified", seen, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(requestId, seen);
        }
        foreach (var hidden in new[] { $"/states/UGA/requests/{requestId}", $"/states/UGA/matters/{matterId}", $"/registry/alerts/{alertId}" })
        {
            using var refused = await uganda.GetAsync(hidden);
            Assert.True(refused.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{hidden}: {(int)refused.StatusCode}");
        }
        // The four States without a node: everything waiting in their queues about this alert names only themselves.
        foreach (var code in PlatformFixture.RegisterOnly)
        {
            var waiting = await MessagesAboutAsync($"state-{code.ToLowerInvariant()}", alertId);
            Assert.NotEmpty(waiting);
            Assert.All(waiting, body =>
            {
                foreach (var otherCode in six.Where(c => c != code)) Assert.DoesNotContain($"\"{otherCode}\"", body);
                Assert.DoesNotContain(requestId, body);
            });
        }

        // Italy's record: the alert acknowledged in time, one arrest notified, no consultation, the finding, the deferral.
        var recordAfter = StateRecord(await registry.GetFromJsonObjectAsync(period));
        int Delta(string section, string figure) => (int)recordAfter[section]![figure]! - (int)recordBefore[section]![figure]!;
        Assert.Equal(1, Delta("alerts", "addressed"));
        Assert.Equal(1, Delta("alerts", "acknowledgedInTime"));
        Assert.Equal(1, Delta("alerts", "arrestsNotified"));
        Assert.Equal(0, Delta("alerts", "consultationsOpened"));
        Assert.Equal(0, Delta("consultations", "openedByState"));
        Assert.Equal(1, Delta("matters", "findings"));
        Assert.Equal(1, Delta("matters", "referralDeferred"));
        Assert.Equal(0, Delta("matters", "referredToAssembly"));
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd");

    private static JsonObject StateRecord(JsonObject records) => records["states"]!.AsArray().Single()!.AsObject();

    private static async Task ArrestStepAsync(HttpClient state, string requestId, string step, object body)
    {
        using var response = await state.PostJsonAsync($"/states/ZAF/requests/{requestId}/arrest{step}", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"arrest{step}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>
    /// The bodies of the messages waiting in a State's queue that concern this alert, read with the broker's admin user and
    /// put back (the State runs no node here, so they wait for ever).
    /// </summary>
    private static async Task<List<string>> MessagesAboutAsync(string queue, string alertId)
    {
        // Both legs of the State's shovel (issue 12): "/", where the Court sent, and the State's own vhost, where it waits.
        var about = new List<string>();
        foreach (var vhost in new[] { "/", Broker.VirtualHostOf(queue) })
            about.AddRange(await MessagesAboutAsync(queue, vhost, alertId));
        return about;
    }

    private static async Task<List<string>> MessagesAboutAsync(string queue, string vhost, string alertId)
    {
        await using var connection = await Broker.ConnectAsync("admin", vhost);
        await using var channel = await connection.CreateChannelAsync();
        var about = new List<string>();
        var all = (int)(await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        var taken = new List<ulong>();
        for (var k = 0; k < all; k++)
        {
            var got = await channel.BasicGetAsync(queue, autoAck: false);
            if (got is null) break;
            taken.Add(got.DeliveryTag);
            var body = Encoding.UTF8.GetString(got.Body.Span);
            if (body.Contains(alertId, StringComparison.OrdinalIgnoreCase)) about.Add(body);
        }
        // Closing the channel returns every unacknowledged message to the queue, in order.
        if (taken.Count > 0) await channel.BasicNackAsync(taken[^1], multiple: true, requeue: true);
        return about;
    }
}
