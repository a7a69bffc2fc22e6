using Cooperation.EndToEnd.Tests.Platform;

namespace Cooperation.EndToEnd.Tests.Resilience;

/// <summary>
/// Issue 12 §4: two instances each of the Registry and the Prosecutor on one broker and one PostgreSQL database per
/// organ, under a steady load through the gateway (which balances over both): both instances consume every queue of
/// their organ, both outbox dispatchers and both deadline schedulers poll the same rows. Every message is handled once
/// (no receiver ever sees a duplicate it must ignore: no outbox row is sent twice), every deadline fires once (one
/// reminder and one miss per travel-alert clock, one notice of each), and every request ends consistent at both ends.
/// Always on PostgreSQL (trait <c>Database=Postgres</c>: infra/test runs it in the first pass only).
/// </summary>
[Collection(ResilienceCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class CompetingInstancesTests : IAsyncLifetime
{
    private readonly ResiliencePlatform _platform = new(instances: 2);

    public Task InitializeAsync() => _platform.StartAsync();

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    [Fact]
    public async Task Two_instances_of_each_organ_handle_every_message_once_and_fire_every_deadline_once()
    {
        // Both instances really compete: two consumers on each of the organ's queues.
        foreach (var name in new[] { "registry", "registry.from-state-uga", "registry.from-state-zaf", "prosecutor.from-state-uga" })
            await WaitForAsync(async () => (int)(await _platform.QueueAsync(name))["consumers"]! == 2, $"two consumers on {name}");

        // 24 requests from 4 partners at once: 16 from the Registry (every 4th with a travel alert to NLD, whose
        // acknowledgement clock falls: one reminder at 10 s, one miss at 20 s), 8 from the Prosecutor.
        var flows = Enumerable.Range(0, 24).Select(i => new PartnerLoad.Flow(
            i, i < 16 ? "registry" : "prosecutor", ResiliencePlatform.States[i % 2], WithAlert: i < 16 && i % 4 == 0)).ToList();
        var load = new PartnerLoad(_platform, TimeSpan.FromSeconds(60));
        var queue = new Queue<PartnerLoad.Flow>(flows);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            while (true)
            {
                PartnerLoad.Flow next;
                lock (queue) { if (!queue.TryDequeue(out next!)) return; }
                await load.RunAsync(next);
            }
        }));
        Assert.Equal(0, load.Retries); // nothing failed: no fault is injected here

        var consistency = new Consistency(_platform);
        await consistency.CheckAsync(flows, TimeSpan.FromSeconds(30));

        // Every deadline fired once: each alert's clock gave one reminder and one miss, written once to the outbox and
        // recorded once where it was sent (the Registry's own queue), however many schedulers polled it.
        var alerts = flows.Count(f => f.WithAlert);
        var registry = _platform.Database("registry");
        var fired = await WaitForCountAsync(registry, """SELECT COUNT(*) FROM deadlines WHERE "Kind" = 'AlertAcknowledgement' AND "FiredAt" IS NOT NULL""",
            alerts, TimeSpan.FromSeconds(40));
        Assert.Equal(alerts, fired);
        Assert.Equal(alerts, await registry.CountAsync("""SELECT COUNT(*) FROM deadlines WHERE "Kind" = 'AlertAcknowledgement'"""));
        Assert.Equal(alerts, await registry.CountAsync("""SELECT COUNT(*) FROM deadlines WHERE "Kind" = 'AlertAcknowledgement' AND "RemindersSent" = 1"""));
        Assert.Equal(alerts, await registry.CountAsync("""SELECT COUNT(*) FROM outbox_messages WHERE "MessageType" LIKE '%.DeadlineApproaching,%'"""));
        Assert.Equal(alerts, await registry.CountAsync("""SELECT COUNT(*) FROM outbox_messages WHERE "MessageType" LIKE '%.DeadlineMissed,%'"""));
        await WaitForCountAsync(registry, """SELECT COUNT(*) FROM deadline_notices WHERE "Type" = 'Missed'""", alerts, TimeSpan.FromSeconds(20));
        Assert.Equal(alerts, await registry.CountAsync("""SELECT COUNT(DISTINCT "DeadlineId") FROM deadline_notices WHERE "Type" = 'Reminder'"""));
        Assert.Equal(alerts, await registry.CountAsync("""SELECT COUNT(*) FROM deadline_notices WHERE "Type" = 'Reminder'"""));
        Assert.Equal(alerts, await registry.CountAsync("""SELECT COUNT(*) FROM deadline_notices WHERE "Type" = 'Missed'"""));

        // Handled once: the racing dispatchers never sent a row twice, so no receiver had a duplicate to ignore.
        await consistency.AssertDrainedAsync(TimeSpan.FromSeconds(10));
        var output = _platform.Output;
        Assert.DoesNotContain("duplicate ignored", output);
        Assert.True(consistency.Problems.Count == 0, string.Join("\n", consistency.Problems));
        Assert.Equal((0, 0, 0), (consistency.Lost, consistency.Duplicated, consistency.Misrouted));
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"not reached within 30 s: {what}");
            await Task.Delay(250);
        }
    }

    private static async Task<long> WaitForCountAsync(ServiceDatabase db, string sql, long expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        long count;
        while ((count = await db.CountAsync(sql)) < expected && DateTime.UtcNow < deadline) await Task.Delay(250);
        return count;
    }
}
