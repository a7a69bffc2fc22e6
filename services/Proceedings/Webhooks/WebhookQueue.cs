using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Cooperation.Proceedings.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Proceedings.Webhooks;

/// <summary>Queues an event for every subscription that asked for it, in the caller's unit of work.</summary>
public interface IWebhookQueue
{
    /// <summary>Adds one delivery per subscribed subscription; nothing is sent until the caller's SaveChanges commits.</summary>
    Task QueueAsync(string eventName, WebhookEventData data, CancellationToken cancellationToken);
}

internal sealed class WebhookQueue(ProceedingsDbContext db, TimeProvider clock, WebhookSignal signal) : IWebhookQueue
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private bool _wakeOnSave;

    public async Task QueueAsync(string eventName, WebhookEventData data, CancellationToken cancellationToken)
    {
        // A node has a handful of subscriptions (Webhooks:MaxSubscriptions): read them all, keep those that asked.
        var subscriptions = (await db.WebhookSubscriptions.ToListAsync(cancellationToken))
            .Where(s => s.Events.Contains(eventName)).ToList();
        if (subscriptions.Count == 0) return;
        var now = clock.GetUtcNow();
        foreach (var subscription in subscriptions)
        {
            // The sequence is the subscription's concurrency token: two commits racing for a number, one retries.
            subscription.LastSequence++;
            var id = Guid.CreateVersion7();
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                Id = id,
                SubscriptionId = subscription.Id,
                Sequence = subscription.LastSequence,
                Event = eventName,
                Payload = WebhookPayload.Serialize(id, eventName, now, subscription.LastSequence, subscription.Id, data),
                OccurredAt = now,
                NextAttemptAt = now,
            });
        }
        if (!_wakeOnSave)
        {
            _wakeOnSave = true;
            db.SavedChanges += (_, _) => signal.Notify();
        }
    }
}

/// <summary>
/// The body of every call: what happened, when, its place in the subscription's order, then what the event names
/// (<see cref="WebhookEventData"/>, the one list of those fields), all at the top level.
/// </summary>
internal static class WebhookPayload
{
    public static string Serialize(Guid id, string eventName, DateTimeOffset occurredAt, long sequence, Guid subscriptionId, WebhookEventData data)
    {
        var body = new JsonObject
        {
            ["id"] = id, ["event"] = eventName, ["occurredAt"] = occurredAt, ["sequence"] = sequence, ["subscriptionId"] = subscriptionId,
        };
        foreach (var (name, value) in JsonSerializer.SerializeToNode(data, WebhookQueue.Json)!.AsObject())
            body[name] = value?.DeepClone();
        return body.ToJsonString(WebhookQueue.Json);
    }
}

/// <summary>Wakes the dispatcher when a commit queued deliveries, so a partner hears at once rather than at the next poll.</summary>
internal sealed class WebhookSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _channel.Writer.TryWrite(true);

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try { await _channel.Reader.ReadAsync(cts.Token); }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested) { }
    }
}
