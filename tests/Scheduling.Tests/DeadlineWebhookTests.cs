using System.Text.Json.Nodes;
using Cooperation.Contracts;
using Cooperation.Deadlines;
using Cooperation.Organs;
using Cooperation.Proceedings.Deadlines;
using Cooperation.Proceedings.Persistence;
using Cooperation.Proceedings.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cooperation.Scheduling.Tests;

/// <summary>
/// Issue 14, "Push": a partner subscribed to deadline.approaching and deadline.missed hears each reminder and the miss
/// of a deadline on one of its requests, queued in the same commit as the step (the same rows the dispatcher
/// delivers), naming the deadline and its kind and the path its token reads; nothing for a deadline on no request.
/// </summary>
public sealed class DeadlineWebhookTests
{
    public static TheoryData<Provider> Providers => [Provider.Sqlite, Provider.Postgres];

    [Theory, MemberData(nameof(Providers))]
    public async Task Each_reminder_and_the_miss_are_queued_for_the_subscribed_partner_with_ids_only(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var subscription = await SubscribeAsync(db, "deadline.approaching deadline.missed");
        var other = await SubscribeAsync(db, "request.received");
        var requestId = Guid.NewGuid();
        var start = db.Clock.GetUtcNow(); // 1 April, 09:00 UTC
        // Reply by 3 April: due at the end of that day, reminded a day before.
        var id = await ScheduleAsync(db, Deadline.ReplyBy(DateOnly.FromDateTime(start.UtcDateTime).AddDays(2), requestId) with { State = StateCode.Parse("UGA") },
            [TimeSpan.FromDays(1)]);
        // A deadline on no request (an unscheduled landing's 96 hours, keyed on the landing) names nothing a partner could read.
        await ScheduleAsync(db, Deadline.TransitDetention(start), [TimeSpan.FromHours(24)]);

        var firing = db.StartInstance(Webhooks).GetRequiredService<DeadlineFiring>();
        db.Clock.SetUtcNow(start + TimeSpan.FromDays(2) - TimeSpan.FromHours(9) + TimeSpan.FromHours(12)); // 3 April, noon
        Assert.Equal(1, await firing.FireDueAsync()); // the reply-by reminder
        db.Clock.Advance(TimeSpan.FromDays(1)); // 4 April, noon
        Assert.Equal(2, await firing.FireDueAsync()); // the reply-by miss, the landing's reminder
        db.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await firing.FireDueAsync()); // the landing's miss

        var queued = await DeliveriesAsync(db);
        Assert.Equal([("deadline.approaching", 1L), ("deadline.missed", 2L)], queued.Select(d => (d.Event, d.Sequence)).ToArray());
        Assert.All(queued, d => Assert.Equal(subscription, d.SubscriptionId));
        Assert.DoesNotContain(queued, d => d.SubscriptionId == other);
        foreach (var payload in queued.Select(d => JsonNode.Parse(d.Payload)!))
        {
            Assert.Equal(id.ToString(), (string)payload["deadlineId"]!);
            Assert.Equal("ReplyBy", (string)payload["deadlineKind"]!);
            Assert.Equal(requestId.ToString(), (string)payload["requestId"]!);
            Assert.Equal($"/states/UGA/requests/{requestId}/deadlines", (string)payload["resource"]!);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_node_without_webhooks_fires_its_deadlines_as_before(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var due = db.Clock.GetUtcNow() + TimeSpan.FromDays(2);
        await ScheduleAsync(db, Deadline.ReplyBy(DateOnly.FromDateTime(due.UtcDateTime), Guid.NewGuid()), [TimeSpan.FromDays(1)]);
        db.Clock.Advance(TimeSpan.FromDays(10));
        Assert.Equal(1, await db.StartInstance().GetRequiredService<DeadlineFiring>().FireDueAsync());
        Assert.Single(await db.OutboxAsync());
    }

    private static void Webhooks(IServiceCollection services) => services.AddWebhookQueue("/states/UGA");

    private static async Task<Guid> SubscribeAsync(TestDatabase db, string events)
    {
        await using var instance = db.StartInstance();
        await using var scope = instance.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<ProceedingsDbContext>();
        var subscription = new WebhookSubscription
        {
            Id = Guid.NewGuid(), Url = "http://127.0.0.1:9/hooks", EventNames = events, Secret = "test-secret", CreatedAt = db.Clock.GetUtcNow(),
        };
        context.WebhookSubscriptions.Add(subscription);
        await context.SaveChangesAsync();
        return subscription.Id;
    }

    private static async Task<Guid> ScheduleAsync(TestDatabase db, Deadline deadline, IEnumerable<TimeSpan> offsets)
    {
        await using var instance = db.StartInstance();
        await using var scope = instance.CreateAsyncScope();
        var id = scope.ServiceProvider.GetRequiredService<IDeadlineScheduler>()
            .Schedule(deadline, new DeadlineAudience(Organ.State, [new Uri("queue:state-uga.to-registry")]), offsets);
        await scope.ServiceProvider.GetRequiredService<ProceedingsDbContext>().SaveChangesAsync();
        return id;
    }

    private static async Task<List<WebhookDelivery>> DeliveriesAsync(TestDatabase db)
    {
        await using var instance = db.StartInstance();
        await using var scope = instance.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ProceedingsDbContext>().WebhookDeliveries.AsNoTracking().ToListAsync())
            .OrderBy(d => d.Sequence).ToList();
    }
}
