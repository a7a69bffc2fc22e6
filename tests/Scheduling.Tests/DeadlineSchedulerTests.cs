using System.Diagnostics;
using System.Text.Json;
using Cooperation.Contracts;
using Cooperation.Contracts.Deadlines;
using Cooperation.Deadlines;
using Cooperation.Organs;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Persistence;
using Cooperation.Proceedings.Deadlines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cooperation.Scheduling.Tests;

/// <summary>
/// Durable deadlines: reminders at 7 days and 1 day, then the miss, each written to the outbox exactly
/// once — after a restart, with two instances racing on one database, and with a 60-day period run on a
/// fake clock. Every test runs on a SQLite file and on the PostgreSQL test cluster.
/// </summary>
public sealed class DeadlineSchedulerTests
{
    private static readonly Uri Registry = new("queue:registry");
    private static readonly Uri Uganda = Addresses.ToState("UGA");

    public static TheoryData<Provider> Providers => [Provider.Sqlite, Provider.Postgres];

    [Theory, MemberData(nameof(Providers))]
    public async Task A_60_day_deadline_reminds_7_days_and_1_day_before_then_misses_once_to_every_organ_concerned(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var requestId = Guid.NewGuid();
        var arrest = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var id = await ScheduleAsync(db, Deadline.SurrenderDocuments(arrest, requestId) with { State = StateCode.Parse("UGA") });
        var due = Deadline.EndOfDayUtc(arrest.AddDays(60));
        var instance = db.StartInstance();
        var firing = instance.GetRequiredService<DeadlineFiring>();

        db.Clock.SetUtcNow(due - TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await firing.FireDueAsync());

        db.Clock.SetUtcNow(due - TimeSpan.FromDays(7));
        Assert.Equal(1, await firing.FireDueAsync());
        Assert.Equal(0, await firing.FireDueAsync()); // the same moment again: nothing more

        db.Clock.SetUtcNow(due - TimeSpan.FromDays(1));
        Assert.Equal(1, await firing.FireDueAsync());

        db.Clock.SetUtcNow(due - TimeSpan.FromTicks(1));
        Assert.Equal(0, await firing.FireDueAsync());

        db.Clock.SetUtcNow(due);
        Assert.Equal(1, await firing.FireDueAsync());
        db.Clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, await firing.FireDueAsync());

        var sent = await db.OutboxAsync();
        Assert.Equal(
            [
                (nameof(DeadlineApproaching), Uganda), (nameof(DeadlineApproaching), Registry),
                (nameof(DeadlineApproaching), Uganda), (nameof(DeadlineApproaching), Registry),
                (nameof(DeadlineMissed), Uganda), (nameof(DeadlineMissed), Registry),
            ],
            sent.Select(m => (TypeName(m), new Uri(m.Destination))).ToArray());
        var reminders = sent.Where(m => TypeName(m) == nameof(DeadlineApproaching)).Select(Read<DeadlineApproaching>).ToList();
        Assert.Equal([1, 1, 2, 2], reminders.Select(r => r.Reminder));
        Assert.All(reminders, r => Assert.Equal((id, requestId, due, DeadlineKind.SurrenderDocuments, "UGA"), (r.DeadlineId, r.RequestId, r.DueAt, r.Kind, r.StateCode)));
        var missed = Read<DeadlineMissed>(sent[^1]);
        Assert.Equal((id, due, due), (missed.DeadlineId, missed.DueAt, missed.FiredAt));

        var row = await db.DeadlineAsync(id);
        Assert.Equal(due, row.FiredAt);
        Assert.Equal(2, row.RemindersSent);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_deadline_that_fell_while_the_service_was_down_fires_once_after_the_restart(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var landing = db.Clock.GetUtcNow();
        var id = await ScheduleAsync(db, Deadline.TransitDetention(landing, Guid.NewGuid()), offsets: [TimeSpan.FromHours(24)]);

        // The first instance stops before anything is due; the clock moves on while nothing runs.
        var first = db.StartInstance();
        Assert.Equal(0, await first.GetRequiredService<DeadlineFiring>().FireDueAsync());
        await first.DisposeAsync();
        db.Clock.Advance(TimeSpan.FromHours(97));

        // A new instance on the same database finds the deadline and fires the miss, not the stale reminder.
        var second = db.StartInstance();
        Assert.Equal(1, await second.GetRequiredService<DeadlineFiring>().FireDueAsync());
        await second.DisposeAsync();

        // Restarted again: nothing fires twice.
        var third = db.StartInstance();
        Assert.Equal(0, await third.GetRequiredService<DeadlineFiring>().FireDueAsync());

        var sent = await db.OutboxAsync();
        Assert.Equal([nameof(DeadlineMissed), nameof(DeadlineMissed)], sent.Select(TypeName));
        Assert.All(sent, m => Assert.Equal(id, Read<DeadlineMissed>(m).DeadlineId));
        Assert.Equal(landing + TimeSpan.FromHours(96), Read<DeadlineMissed>(sent[0]).DueAt);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Two_instances_racing_on_one_database_fire_every_step_exactly_once(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        const int deadlines = 20;
        var start = db.Clock.GetUtcNow();
        var ids = new List<Guid>();
        for (var i = 0; i < deadlines; i++)
            ids.Add(await ScheduleAsync(db, Deadline.ReplyBy(DateOnly.FromDateTime(start.UtcDateTime).AddDays(10), Guid.NewGuid())));

        var a = db.StartInstance().GetRequiredService<DeadlineFiring>();
        var b = db.StartInstance().GetRequiredService<DeadlineFiring>();
        var total = 0;
        // Each step of every deadline: the 7-day reminder, the 1-day reminder, the miss.
        foreach (var at in new[] { TimeSpan.FromDays(4), TimeSpan.FromDays(10), TimeSpan.FromDays(12) })
        {
            db.Clock.SetUtcNow(start + at);
            var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(n => Task.Run(() => (n % 2 == 0 ? a : b).FireDueAsync())));
            total += results.Sum();
        }

        var sent = await db.OutboxAsync();
        Assert.Equal(deadlines * 3, total);
        Assert.Equal(deadlines * 3 * 2, sent.Count); // two recipients each
        foreach (var id in ids)
        {
            Assert.Equal(2, sent.Where(m => TypeName(m) == nameof(DeadlineMissed)).Count(m => Read<DeadlineMissed>(m).DeadlineId == id));
            var reminders = sent.Where(m => TypeName(m) == nameof(DeadlineApproaching)).Select(Read<DeadlineApproaching>)
                .Where(r => r.DeadlineId == id).Select(r => r.Reminder).Order().ToArray();
            Assert.Equal([1, 1, 2, 2], reminders);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_met_deadline_never_fires(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var requestId = Guid.NewGuid();
        var arrest = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        await ScheduleAsync(db, Deadline.SurrenderDocuments(arrest, requestId));

        await using (var scope = db.StartInstance().CreateAsyncScope())
        {
            var scheduler = scope.ServiceProvider.GetRequiredService<IDeadlineScheduler>();
            Assert.Equal(1, await scheduler.CancelAsync(DeadlineKind.SurrenderDocuments, requestId));
            await scope.ServiceProvider.GetRequiredService<CooperationDbContext>().SaveChangesAsync();
        }

        db.Clock.Advance(TimeSpan.FromDays(90));
        Assert.Equal(0, await db.StartInstance().GetRequiredService<DeadlineFiring>().FireDueAsync());
        Assert.Empty(await db.OutboxAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_hosted_scheduler_runs_a_60_day_deadline_in_milliseconds_on_a_fake_clock(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var arrest = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var id = await ScheduleAsync(db, Deadline.SurrenderDocuments(arrest, Guid.NewGuid()));
        var instance = db.StartInstance(s =>
        {
            s.Configure<SchedulingOptions>(o => o.PollInterval = TimeSpan.FromMinutes(1));
            s.AddHostedService<DeadlineSchedulerService>();
        });
        var hosted = instance.GetRequiredService<IHostedService>();
        await hosted.StartAsync(CancellationToken.None);
        var watch = Stopwatch.StartNew();
        try
        {
            // Jump the fake clock to each step (7 days before, 1 day before, due) and nudge it a minute at a
            // time until the scheduler has acted: 60 days pass in milliseconds, and a loaded machine cannot
            // make the test skip past a reminder window (a late reminder is rightly never sent).
            var due = (await db.DeadlineAsync(id)).DueAt;
            await StepUntilAsync(db, id, due - TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1), d => d.RemindersSent >= 1);
            await StepUntilAsync(db, id, due - TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1), d => d.RemindersSent >= 2);
            await StepUntilAsync(db, id, due + TimeSpan.FromMinutes(1), d => d.FiredAt is not null);
        }
        finally
        {
            await hosted.StopAsync(CancellationToken.None);
        }
        watch.Stop();

        var row = await db.DeadlineAsync(id);
        Assert.NotNull(row.FiredAt);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        var sent = await db.OutboxAsync();
        Assert.Equal(2, sent.Count(m => TypeName(m) == nameof(DeadlineMissed)));
        Assert.Equal(4, sent.Count(m => TypeName(m) == nameof(DeadlineApproaching)));
    }

    private static async Task StepUntilAsync(TestDatabase db, Guid id, DateTimeOffset at, Func<ScheduledDeadline, bool> done)
    {
        var now = db.Clock.GetUtcNow();
        if (at > now) db.Clock.Advance(at - now);
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!done(await db.DeadlineAsync(id)) && DateTime.UtcNow < until)
        {
            db.Clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(20);
        }
    }

    private static async Task<Guid> ScheduleAsync(TestDatabase db, Deadline deadline, IEnumerable<TimeSpan>? offsets = null)
    {
        await using var instance = db.StartInstance();
        await using var scope = instance.CreateAsyncScope();
        var id = scope.ServiceProvider.GetRequiredService<IDeadlineScheduler>()
            .Schedule(deadline, new DeadlineAudience(Organ.Registry, [Registry, Uganda]), offsets);
        await scope.ServiceProvider.GetRequiredService<CooperationDbContext>().SaveChangesAsync();
        return id;
    }

    private static string TypeName(OutboxMessage m) => m.MessageType.Split(',')[0].Split('.')[^1];

    private static T Read<T>(OutboxMessage m) =>
        JsonSerializer.Deserialize<T>(m.Body, new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        })!;
}
