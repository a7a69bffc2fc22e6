using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Persistence;
using Cooperation.ServiceDefaults.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cooperation.Scheduling.Tests;

/// <summary>
/// Issue 17: /health's outbox entry and the outbox backlog metrics, on a real database (SQLite, and PostgreSQL
/// on the test command's cluster). The service is Degraded — still serving, nothing lost — once its oldest unsent
/// message is older than Outbox:DegradedAfter, and Healthy again when it is sent.
/// </summary>
public sealed class OutboxBacklogTests
{
    public static TheoryData<Provider> Providers => [Provider.Sqlite, Provider.Postgres];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_outbox_check_is_degraded_past_its_age_and_healthy_once_sent(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Outbox:DegradedAfter"] = "00:05:00" }).Build();
        await using var instance = database.StartInstance();

        async Task<HealthCheckResult> CheckAsync()
        {
            await using var scope = instance.CreateAsyncScope();
            var check = new OutboxHealthCheck(scope.ServiceProvider.GetRequiredService<CooperationDbContext>(), database.Clock, configuration);
            return await check.CheckHealthAsync(new HealthCheckContext());
        }

        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);
        Guid id;
        await using (var scope = instance.CreateAsyncScope())
        {
            id = scope.ServiceProvider.GetRequiredService<IOutbox>().Send(new Uri("exchange:state-uga"), new { Probe = 1 });
            await scope.ServiceProvider.GetRequiredService<CooperationDbContext>().SaveChangesAsync();
        }

        database.Clock.Advance(TimeSpan.FromMinutes(4));
        var young = await CheckAsync();
        Assert.Equal(HealthStatus.Healthy, young.Status);
        Assert.Equal(1, young.Data["pending"]);

        database.Clock.Advance(TimeSpan.FromMinutes(2));
        var old = await CheckAsync();
        Assert.Equal(HealthStatus.Degraded, old.Status);
        Assert.Equal(360.0, (double)old.Data["oldestPendingAgeSeconds"]);

        await using (var scope = instance.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CooperationDbContext>();
            (await db.OutboxMessages.FindAsync(id))!.SentAt = database.Clock.GetUtcNow();
            await db.SaveChangesAsync();
        }
        var sent = await CheckAsync();
        Assert.Equal(HealthStatus.Healthy, sent.Status);
        Assert.Equal(0, sent.Data["pending"]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_backlog_metrics_count_pending_rows_and_the_oldest_age_per_destination(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var instance = database.StartInstance();
        await using (var scope = instance.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
            outbox.Send(new Uri("exchange:state-uga"), new { Probe = 1 });
            await scope.ServiceProvider.GetRequiredService<CooperationDbContext>().SaveChangesAsync();
        }
        database.Clock.Advance(TimeSpan.FromSeconds(30));
        await using (var scope = instance.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
            outbox.Send(new Uri("exchange:state-uga"), new { Probe = 2 });
            outbox.Send(new Uri("exchange:prosecutor"), new { Probe = 3 });
            await scope.ServiceProvider.GetRequiredService<CooperationDbContext>().SaveChangesAsync();
        }
        database.Clock.Advance(TimeSpan.FromSeconds(10));

        var readings = new List<Reading>();
        await using (var scope = instance.CreateAsyncScope())
            await new OutboxReadings(database.Clock).ReadAsync(scope.ServiceProvider, readings, CancellationToken.None);

        double Value(string instrument, string destination) =>
            readings.Single(r => r.Instrument == instrument && Equals(r.Tags.Single(t => t.Key == "destination").Value, destination)).Value;
        Assert.Equal(2, Value(OutboxReadings.Pending, "state-uga"));
        Assert.Equal(40, Value(OutboxReadings.OldestAge, "state-uga"));
        Assert.Equal(1, Value(OutboxReadings.Pending, "prosecutor"));
        Assert.Equal(10, Value(OutboxReadings.OldestAge, "prosecutor"));
        Assert.Equal(3, Value(OutboxReadings.Pending, "all"));
        Assert.Equal(40, Value(OutboxReadings.OldestAge, "all"));
        // Labels are the destination only: no message id, no content.
        Assert.All(readings, r => Assert.Equal(["destination"], r.Tags.Select(t => t.Key)));
    }
}
