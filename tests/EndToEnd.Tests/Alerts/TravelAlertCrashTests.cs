using System.Net;
using Cooperation.EndToEnd.Tests.Delivery;
using Cooperation.EndToEnd.Tests.Platform;

namespace Cooperation.EndToEnd.Tests.Alerts;

/// <summary>
/// The fan-out is all or nothing: the alert, every State's entry and deadline, the arrest requests that go with it
/// and every State's message commit together with the outbox. Killed before the commit, nothing of it exists and the
/// retry sends it afresh; killed after it, the dispatcher sends every message once and the retry gets the first answer.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class TravelAlertCrashTests(PlatformFixture platform) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>A failed case must not leave the Registry down for the tests after it (one failure, not a cascade).</summary>
    public Task DisposeAsync() => platform.EnsureRunningAsync("registry");

    [Theory]
    [InlineData("before-commit")]
    [InlineData("after-commit-before-send")]
    public async Task A_fan_out_killed_at_the_commit_is_all_or_nothing_and_each_State_gets_exactly_one_copy(string crashAt)
    {
        var flow = new AlertFlow(platform);
        using var registry = flow.Registry();
        using var uganda = flow.State("UGA");
        using var southAfrica = flow.State("ZAF");
        var (requestId, _) = await flow.DeliveredArrestRequestAsync(registry, "UGA");
        var body = new { requestId, states = new[] { AlertFlow.Entry("UGA"), AlertFlow.Entry("ZAF", "Transit"), AlertFlow.Entry("NLD") } };
        var key = Guid.NewGuid().ToString();
        var db = platform.Database("registry");
        var source = db.Id(Guid.Parse(requestId));
        var requestsBefore = await db.CountAsync("SELECT COUNT(*) FROM requests");

        // Armed for this fan-out's own message only (Testing:CrashAtMessage): a deadline firing meanwhile does not take the crash.
        var armed = await platform.RestartAsync("registry",
            new Dictionary<string, string> { ["Testing__CrashAt"] = crashAt, ["Testing__CrashAtMessage"] = "TravelAlertIssued" });
        using var firstTry = await DeliveryFlow.TryPostAsync(registry, "/registry/alerts", body, key);
        var exit = await armed.WaitForExitAsync(AlertFlow.Soon);
        Assert.True(armed.Output.Contains($"Testing:CrashAt={crashAt}: killing the process now"), $"registry exited ({exit}) without reaching {crashAt}:\n{armed.Output}");

        var alerts = await db.CountAsync("""SELECT COUNT(*) FROM travel_alerts WHERE "SourceRequestId" = @r""", ("@r", source));
        var requestsAfter = await db.CountAsync("SELECT COUNT(*) FROM requests");
        if (crashAt == "before-commit")
        {
            // Nothing half-written: no alert, no entry, no new request, no message.
            Assert.Equal((0, requestsBefore), (alerts, requestsAfter));
            Assert.Equal(0, await db.CountAsync("""SELECT COUNT(*) FROM outbox_messages WHERE "MessageType" LIKE '%TravelAlertIssued%' AND "Body" LIKE @r""",
                ("@r", $"%{requestId}%")));
        }
        else
        {
            // All of it: one alert, three entries, the two new requests, three alert messages waiting to be sent.
            Assert.Equal((1, requestsBefore + 2), (alerts, requestsAfter));
        }

        await platform.RestartAsync("registry");
        using var retry = await DeliveryFlow.PostAsync(registry, "/registry/alerts", body, key);
        var text = await retry.Content.ReadAsStringAsync();
        Assert.True(retry.StatusCode == HttpStatusCode.Created, text);
        if (crashAt != "before-commit") Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        var alertId = (string)(await retry.ReadObjectAsync())["id"]!;

        await AlertFlow.WaitBoardAsync(registry, alertId, b =>
            (string)AlertFlow.EntryOf(b, "UGA")["stage"]! == "Delivered" && (string)AlertFlow.EntryOf(b, "ZAF")["stage"]! == "Delivered");
        Assert.Equal(1, await db.CountAsync("""SELECT COUNT(*) FROM travel_alerts WHERE "SourceRequestId" = @r""", ("@r", source)));
        Assert.Equal(3, await db.CountAsync("""SELECT COUNT(*) FROM travel_alert_entries WHERE "AlertId" = @a""", ("@a", db.Id(Guid.Parse(alertId)))));
        Assert.Equal(requestsBefore + 2, await db.CountAsync("SELECT COUNT(*) FROM requests"));
        foreach (var code in new[] { "UGA", "ZAF" })
        {
            var state = platform.Database($"state-{code.ToLowerInvariant()}");
            Assert.Equal(1, await state.CountAsync("""SELECT COUNT(*) FROM travel_alerts WHERE "Id" = @a""", ("@a", state.Id(Guid.Parse(alertId)))));
        }
        // Every alert message of the fan-out was sent, exactly one row per State.
        await WaitAsync(async () => await db.CountAsync(
            """SELECT COUNT(*) FROM outbox_messages WHERE "MessageType" LIKE '%TravelAlertIssued%' AND "SentAt" IS NOT NULL AND "Body" LIKE @a""",
            ("@a", $"%{alertId}%")) == 3);
        Assert.Equal(3, await db.CountAsync("""SELECT COUNT(*) FROM outbox_messages WHERE "MessageType" LIKE '%TravelAlertIssued%' AND "Body" LIKE @a""",
            ("@a", $"%{alertId}%")));
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? AlertFlow.Soon);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition did not hold in time.");
            await Task.Delay(200);
        }
    }
}
