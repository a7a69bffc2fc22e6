using System.Net;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Platform;

namespace Cooperation.EndToEnd.Tests.Alerts;

/// <summary>
/// Travel alerts on the real platform (issue 9 §1; Art 86, 89(1), 97): one command alerts every State the fixture runs
/// and NLD, which is in the register without a node; each party acts with its own credentials through the gateway.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class TravelAlertTests(PlatformFixture platform)
{
    private static readonly TimeSpan UntilOverdue = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task One_alert_reaches_every_State_with_its_own_copy_and_the_board_follows_delivery_acknowledgement_and_overdue()
    {
        var flow = new AlertFlow(platform);
        using var registry = flow.Registry();
        using var uganda = flow.State("UGA");
        using var southAfrica = flow.State("ZAF");
        await using var assembly = await AlertFlow.TapAssemblyAsync();
        var (requestId, _) = await flow.DeliveredArrestRequestAsync(registry, "UGA");

        // Every State the fixture runs, and NLD (registered, no node), in one call.
        var board = await AlertFlow.IssueAsync(registry, requestId,
            AlertFlow.Entry("UGA", "Destination", 3, 5, "Summit in the capital"),
            AlertFlow.Entry("ZAF", "Transit", 2, 2, "Refuelling stop"),
            AlertFlow.Entry("NLD", "Destination", 4, 6, "Private visit"));
        var alertId = (string)board["id"]!;
        Assert.StartsWith("ALR-", (string)board["reference"]!);
        Assert.Equal(3, (int)board["counts"]!["states"]!);

        // Uganda already holds the arrest request for this warrant; the others get one with the alert (a new transmission).
        var ugaEntry = AlertFlow.EntryOf(board, "UGA");
        Assert.Equal((requestId, false), ((string)ugaEntry["requestId"]!, (bool)ugaEntry["requestSentWithAlert"]!));
        var zafRequest = (string)AlertFlow.EntryOf(board, "ZAF")["requestId"]!;
        var nldRequest = (string)AlertFlow.EntryOf(board, "NLD")["requestId"]!;
        Assert.True((bool)AlertFlow.EntryOf(board, "ZAF")["requestSentWithAlert"]!);
        Assert.NotEqual(requestId, zafRequest);
        Assert.All(board["states"]!.AsArray(), e => Assert.Equal("Sent", (string)e!["stage"]!));

        // Delivered where a node runs; NLD stays Sent.
        board = await AlertFlow.WaitBoardAsync(registry, alertId, b =>
            (string)AlertFlow.EntryOf(b, "UGA")["stage"]! == "Delivered" && (string)AlertFlow.EntryOf(b, "ZAF")["stage"]! == "Delivered");
        Assert.NotNull(AlertFlow.EntryOf(board, "UGA")["deliveredAt"]);
        Assert.Equal("Sent", (string)AlertFlow.EntryOf(board, "NLD")["stage"]!);

        // The request that went with the alert has the same evidence model: South Africa's node holds it, Delivered.
        await registry.WaitForAsync($"/registry/requests/{zafRequest}", r => (string)r["status"]! == "Delivered", AlertFlow.Soon);
        var zafCopyOfRequest = await southAfrica.GetFromJsonObjectAsync($"/states/ZAF/requests/{zafRequest}");
        Assert.Equal("ArrestAndSurrender", (string)zafCopyOfRequest["kind"]!);
        Assert.Equal("Transmitted", (string)(await registry.GetFromJsonObjectAsync($"/registry/requests/{nldRequest}"))["status"]!);

        // Each State's copy: its own visit, the obligation recalled, consultation invited.
        var atUganda = await uganda.GetFromJsonObjectAsync($"/states/UGA/alerts/{alertId}");
        Assert.Equal(("Destination", AlertFlow.Day(3), AlertFlow.Day(5), "Summit in the capital"),
            ((string)atUganda["role"]!, (string)atUganda["expectedFrom"]!, (string)atUganda["expectedUntil"]!, (string)atUganda["knownDetails"]!));
        Assert.Contains("Art 89(1)", (string)atUganda["obligation"]!);
        Assert.Contains("Art 97", (string)atUganda["obligation"]!);
        var atSouthAfrica = await southAfrica.GetFromJsonObjectAsync($"/states/ZAF/alerts/{alertId}");
        Assert.Equal(("Transit", zafRequest), ((string)atSouthAfrica["role"]!, (string)atSouthAfrica["requestId"]!));

        // Uganda acknowledges: who and when on the board; its deadline stops.
        using var acknowledged = await AlertFlow.PostAsync(uganda, $"/states/UGA/alerts/{alertId}/acknowledge", new { acknowledgedBy = "Central authority, desk 2" });
        Assert.True(acknowledged.StatusCode == HttpStatusCode.OK, await acknowledged.Content.ReadAsStringAsync());
        board = await AlertFlow.WaitBoardAsync(registry, alertId, b => (string)AlertFlow.EntryOf(b, "UGA")["stage"]! == "Acknowledged");
        Assert.Equal("Central authority, desk 2", (string)AlertFlow.EntryOf(board, "UGA")["acknowledgedBy"]!);
        Assert.NotNull(AlertFlow.EntryOf(board, "UGA")["acknowledgedAt"]);
        using var again = await AlertFlow.PostAsync(uganda, $"/states/UGA/alerts/{alertId}/acknowledge", new { acknowledgedBy = "desk" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.EndsWith("/alert-already-acknowledged", (string)(await again.ReadObjectAsync())["type"]!);

        // NLD never receives it: a warning, then overdue (Alerts:AcknowledgeWithin 20 s, warning 10 s before).
        board = await AlertFlow.WaitBoardAsync(registry, alertId, b => (string)AlertFlow.EntryOf(b, "NLD")["signal"]! == "Overdue", UntilOverdue);
        var nld = AlertFlow.EntryOf(board, "NLD");
        Assert.Equal("Sent", (string)nld["stage"]!);
        Assert.NotNull(nld["warningAt"]);
        Assert.True(DateTimeOffset.Parse((string)nld["warningAt"]!) < DateTimeOffset.Parse((string)nld["overdueAt"]!));
        Assert.True((int)board["counts"]!["overdue"]! >= 1);

        // Where configured, the overdue goes to the Assembly's side: on its exchange, with the State and dates only.
        var notice = await assembly.WaitForAsync(m => (string?)m["caseId"] == alertId && (string?)m["stateCode"] == "NLD", AlertFlow.Soon);
        Assert.Equal(("AlertOverdue", nldRequest, AlertFlow.Day(4)), ((string)notice["reason"]!, (string)notice["requestId"]!, (string)notice["expectedFrom"]!));
        Assert.DoesNotContain("Private visit", notice.ToJsonString());
        Assert.NotNull(AlertFlow.EntryOf(await registry.GetFromJsonObjectAsync($"/registry/alerts/{alertId}"), "NLD")["assembly"]!["overdueAt"]);

        // The list shows it, newest first.
        var page = await registry.GetFromJsonObjectAsync($"/registry/alerts?requestId={requestId}");
        var listed = Assert.Single(page["items"]!.AsArray())!;
        Assert.Equal((alertId, 3, 1), ((string)listed["id"]!, (int)listed["states"]!, (int)listed["acknowledged"]!));
    }

    [Fact]
    public async Task A_State_consults_from_the_alert_and_reports_the_visit_changed_then_cancelled_and_the_arrest_shows_on_the_board()
    {
        var flow = new AlertFlow(platform);
        using var registry = flow.Registry();
        using var southAfrica = flow.State("ZAF");
        using var uganda = flow.State("UGA");
        var (requestId, _) = await flow.DeliveredArrestRequestAsync(registry, "UGA");
        var board = await AlertFlow.IssueAsync(registry, requestId, AlertFlow.Entry("ZAF", "Destination", 1, 3), AlertFlow.Entry("UGA", "Transit", 1, 1));
        var alertId = (string)board["id"]!;
        var zafRequest = (string)AlertFlow.EntryOf(board, "ZAF")["requestId"]!;
        await AlertFlow.WaitBoardAsync(registry, alertId, b => (string)AlertFlow.EntryOf(b, "ZAF")["stage"]! == "Delivered");

        // Art 97 from the alert: the same grounds and thread as any consultation, on the arrest request it concerns.
        using var opened = await AlertFlow.PostAsync(southAfrica, $"/states/ZAF/alerts/{alertId}/consultations", new
        {
            grounds = new[] { "Immunity" },
            description = "The person may claim immunity as a serving head of State (Art 27, 98).",
        });
        var consultation = await opened.ReadObjectAsync();
        Assert.True(opened.StatusCode == HttpStatusCode.Created, consultation.ToJsonString());
        var consultationId = (string)consultation["id"]!;
        board = await AlertFlow.WaitBoardAsync(registry, alertId, b => AlertFlow.EntryOf(b, "ZAF")["consultation"] is not null);
        var zaf = AlertFlow.EntryOf(board, "ZAF");
        Assert.Equal((consultationId, "Immunity"), ((string)zaf["consultation"]!["id"]!, (string)zaf["consultation"]!["grounds"]![0]!));
        Assert.Equal("Acknowledged", (string)zaf["stage"]!);
        // The Registry's consultation thread holds it like any other, and the request is InConsultation.
        var thread = await registry.WaitForAsync($"/registry/requests/{zafRequest}/consultations/{consultationId}", _ => true, AlertFlow.Soon);
        Assert.Equal("Immunity", (string)thread["grounds"]![0]!["ground"]!);
        await registry.WaitForAsync($"/registry/requests/{zafRequest}", r => (string)r["status"]! == "InConsultation", AlertFlow.Soon);
        using var second = await AlertFlow.PostAsync(southAfrica, $"/states/ZAF/alerts/{alertId}/consultations",
            new { grounds = new[] { "Other" }, otherGroundText = "x", description = "again" });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);

        // The visit changes (new dates), then is cancelled.
        using var badDates = await AlertFlow.PostAsync(southAfrica, $"/states/ZAF/alerts/{alertId}/visit-changed",
            new { expectedFrom = AlertFlow.Day(9), expectedUntil = AlertFlow.Day(8) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badDates.StatusCode);
        Assert.NotNull((await badDates.ReadObjectAsync())["errors"]!["expectedUntil"]);
        using var changed = await AlertFlow.PostAsync(southAfrica, $"/states/ZAF/alerts/{alertId}/visit-changed",
            new { expectedFrom = AlertFlow.Day(8), expectedUntil = AlertFlow.Day(9), note = "Postponed by a week" });
        Assert.True(changed.StatusCode == HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        board = await AlertFlow.WaitBoardAsync(registry, alertId, b => (string)AlertFlow.EntryOf(b, "ZAF")["visit"]!["status"]! == "Changed");
        Assert.Equal((AlertFlow.Day(8), AlertFlow.Day(9)),
            ((string)AlertFlow.EntryOf(board, "ZAF")["visit"]!["expectedFrom"]!, (string)AlertFlow.EntryOf(board, "ZAF")["visit"]!["expectedUntil"]!));
        using var cancelled = await AlertFlow.PostAsync(southAfrica, $"/states/ZAF/alerts/{alertId}/visit-cancelled", new { note = "Trip called off" });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        await AlertFlow.WaitBoardAsync(registry, alertId, b => (string)AlertFlow.EntryOf(b, "ZAF")["visit"]!["status"]! == "Cancelled");
        using var afterCancel = await AlertFlow.PostAsync(southAfrica, $"/states/ZAF/alerts/{alertId}/visit-changed",
            new { expectedFrom = AlertFlow.Day(10), expectedUntil = AlertFlow.Day(11) });
        Assert.Equal(HttpStatusCode.Conflict, afterCancel.StatusCode);
        Assert.EndsWith("/visit-cancelled", (string)(await afterCancel.ReadObjectAsync())["type"]!);

        // Uganda arrests the person on its arrest request (Art 59(1), 89(1)): the board shows the date.
        var arrestDate = AlertFlow.Day(0);
        using var arrested = await uganda.PostJsonAsync($"/states/UGA/requests/{requestId}/arrest", new { arrestDate });
        Assert.True(arrested.StatusCode == HttpStatusCode.OK, await arrested.Content.ReadAsStringAsync());
        board = await AlertFlow.WaitBoardAsync(registry, alertId, b => AlertFlow.EntryOf(b, "UGA")["arrestNotifiedOn"] is not null);
        Assert.Equal(arrestDate, (string)AlertFlow.EntryOf(board, "UGA")["arrestNotifiedOn"]!);
        Assert.Equal(1, (int)board["counts"]!["arrests"]!);
    }

    [Fact]
    public async Task The_Registry_may_notify_the_Assembly_of_an_imminent_incident_once_per_State()
    {
        var flow = new AlertFlow(platform);
        using var registry = flow.Registry();
        await using var assembly = await AlertFlow.TapAssemblyAsync();
        var (requestId, _) = await flow.DeliveredArrestRequestAsync(registry, "UGA", classification: "UnderSeal", person: "Fictitious Sealed Person");
        var alertId = (string)(await AlertFlow.IssueAsync(registry, requestId, AlertFlow.Entry("UGA", "Destination", 1, 2, "Sealed details")))["id"]!;

        using var notified = await AlertFlow.PostAsync(registry, $"/registry/alerts/{alertId}/states/UGA/notify-assembly", null);
        Assert.True(notified.StatusCode == HttpStatusCode.OK, await notified.Content.ReadAsStringAsync());
        Assert.NotNull(AlertFlow.EntryOf(await notified.ReadObjectAsync(), "UGA")["assembly"]!["imminentIncidentAt"]);
        var notice = await assembly.WaitForAsync(m => (string?)m["caseId"] == alertId, AlertFlow.Soon);
        Assert.Equal(("ImminentIncident", "UGA", "UnderSeal"), ((string)notice["reason"]!, (string)notice["stateCode"]!, (string)notice["classification"]!));
        Assert.DoesNotContain("Fictitious Sealed Person", notice.ToJsonString());
        Assert.DoesNotContain("Sealed details", notice.ToJsonString());

        using var twice = await AlertFlow.PostAsync(registry, $"/registry/alerts/{alertId}/states/UGA/notify-assembly", null);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.EndsWith("/assembly-already-notified", (string)(await twice.ReadObjectAsync())["type"]!);
        using var notAlerted = await AlertFlow.PostAsync(registry, $"/registry/alerts/{alertId}/states/ZAF/notify-assembly", null);
        Assert.Equal(HttpStatusCode.NotFound, notAlerted.StatusCode);

        // A sealed alert's overdue is never notified automatically, even where configured: the Registry chose above.
        var board = await AlertFlow.WaitBoardAsync(registry, alertId, b => (string)AlertFlow.EntryOf(b, "UGA")["signal"]! == "Overdue", UntilOverdue);
        Assert.Null(AlertFlow.EntryOf(board, "UGA")["assembly"]!["overdueAt"]);
    }

    [Fact]
    public async Task Bad_input_names_every_invalid_field_and_changes_nothing()
    {
        var flow = new AlertFlow(platform);
        using var registry = flow.Registry();
        var (requestId, _) = await flow.DeliveredArrestRequestAsync(registry, "UGA");

        using var empty = await AlertFlow.PostAsync(registry, "/registry/alerts", new { requestId, states = Array.Empty<object>() });
        await AssertInvalidAsync(empty, "states");

        using var many = await AlertFlow.PostAsync(registry, "/registry/alerts", new
        {
            requestId,
            states = new object[]
            {
                AlertFlow.Entry("XYZ"),                                   // a code, but not in the register
                AlertFlow.Entry("UGA", "Destination", 5, 4),              // until before from
                new { stateCode = "ZAF", role = "Destination", expectedFrom = AlertFlow.Day(-9), expectedUntil = AlertFlow.Day(-8) }, // over
                new { stateCode = "NLD" },                                // role and dates missing
                AlertFlow.Entry("ZAF"),                                   // named twice
            },
        });
        await AssertInvalidAsync(many, "states[0].stateCode", "states[1].expectedUntil", "states[2].expectedUntil", "states[3].role",
            "states[3].expectedFrom", "states[3].expectedUntil", "states[4].stateCode");

        // Not an arrest request: a transit request carries no alert.
        using var drafted = await registry.PostJsonAsync("/registry/requests", Requests.Samples.Complete("Transit", "UGA"));
        var transit = (string)(await drafted.ReadObjectAsync())["id"]!;
        using var notArrest = await AlertFlow.PostAsync(registry, "/registry/alerts", new { requestId = transit, states = new[] { AlertFlow.Entry("UGA") } });
        await AssertInvalidAsync(notArrest, "requestId");
        using var unknown = await AlertFlow.PostAsync(registry, "/registry/alerts", new { requestId = Guid.NewGuid(), states = new[] { AlertFlow.Entry("UGA") } });
        await AssertInvalidAsync(unknown, "requestId");
        using var missing = await AlertFlow.PostAsync(registry, "/registry/alerts", new { states = new[] { AlertFlow.Entry("UGA") } });
        await AssertInvalidAsync(missing, "requestId");

        // Nothing was written: no alert on that request.
        Assert.Empty((await registry.GetFromJsonObjectAsync($"/registry/alerts?requestId={requestId}"))["items"]!.AsArray());
        // Unknown ids are 404 at both ends; a State's token cannot reach the Registry's board.
        using var noAlert = await registry.GetAsync($"/registry/alerts/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, noAlert.StatusCode);
        using var uganda = flow.State("UGA");
        using var board = await uganda.GetAsync($"/registry/alerts/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.Forbidden, board.StatusCode);
    }

    [Fact]
    public async Task The_same_Idempotency_Key_gives_the_first_answer_and_alerts_no_State_twice()
    {
        var flow = new AlertFlow(platform);
        using var registry = flow.Registry();
        using var southAfrica = flow.State("ZAF");
        var (requestId, _) = await flow.DeliveredArrestRequestAsync(registry, "UGA");
        var key = Guid.NewGuid().ToString();
        var body = new { requestId, states = new[] { AlertFlow.Entry("ZAF") } };
        using var first = await AlertFlow.PostAsync(registry, "/registry/alerts", body, key);
        using var retry = await AlertFlow.PostAsync(registry, "/registry/alerts", body, key);
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, retry.StatusCode));
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Single((await registry.GetFromJsonObjectAsync($"/registry/alerts?requestId={requestId}"))["items"]!.AsArray());
        var alertId = (string)(await first.ReadObjectAsync())["id"]!;
        await southAfrica.WaitForAsync($"/states/ZAF/alerts/{alertId}", _ => true, AlertFlow.Soon);
    }

    private static async Task AssertInvalidAsync(HttpResponseMessage response, params string[] fields)
    {
        var problem = await response.ReadObjectAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, problem.ToJsonString());
        Assert.EndsWith("/validation", (string)problem["type"]!);
        var named = problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(fields.Order(StringComparer.Ordinal).ToArray(), named);
    }
}
