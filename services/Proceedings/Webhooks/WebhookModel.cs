using Cooperation.ServiceDefaults.Audit;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Proceedings.Webhooks;

/// <summary>
/// A partner system's webhook subscription (issue 14, "Push"). It lives in the node's own database, so a State's
/// subscriptions can only ever hear of what reaches that State's node, and a desk's only of its organ's requests.
/// </summary>
public sealed class WebhookSubscription
{
    public Guid Id { get; set; }
    public string Url { get; set; } = "";
    /// <summary>The event names, space-separated (a short list from <see cref="WebhookEvents"/>).</summary>
    public string EventNames { get; set; } = "";
    /// <summary>The signing secret. Kept in clear because every call is signed with it; shown to the partner once.</summary>
    public string Secret { get; set; } = "";
    /// <summary>The secret before the last rotation, still sent beside the new one until <see cref="PreviousSecretValidUntil"/>.</summary>
    public string? PreviousSecret { get; set; }
    public DateTimeOffset? PreviousSecretValidUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The sequence number of the last event queued for it; the concurrency token, so two commits never share a number.</summary>
    public long LastSequence { get; set; }

    public IReadOnlyList<string> Events => EventNames.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// One event queued for one subscription, written in the same transaction as the change that caused it (the outbox
/// rule: nothing lost on a crash), delivered at least once in sequence order, dead after its last attempt.
/// Its attempts are delivery bookkeeping, like the outbox's sent marks, so they are not audited; the change that
/// queued it is.
/// </summary>
public sealed class WebhookDelivery : IAuditBookkeeping
{
    /// <summary>The delivery id (<c>Webhook-Id</c>): the same on every attempt and replay, so a receiver can refuse a second one.</summary>
    public Guid Id { get; set; }
    public Guid SubscriptionId { get; set; }
    public long Sequence { get; set; }
    public string Event { get; set; } = "";
    /// <summary>The JSON body exactly as signed: ids, the event, the time and the sequence, never content.</summary>
    public string Payload { get; set; } = "";
    public DateTimeOffset OccurredAt { get; set; }
    /// <summary>Attempts so far; the concurrency token, so two dispatchers never both claim an attempt.</summary>
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public DateTimeOffset? DeadAt { get; set; }
    /// <summary>The last failure, as a status or an exception type: never the receiver's answer body.</summary>
    public string? LastError { get; set; }

    internal static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WebhookSubscription>(e =>
        {
            e.ToTable("webhook_subscriptions");
            e.HasKey(s => s.Id);
            e.Property(s => s.Url).HasMaxLength(WebhookRules.MaxUrlLength);
            e.Property(s => s.EventNames).HasMaxLength(1024);
            e.Property(s => s.Secret).HasMaxLength(128);
            e.Property(s => s.PreviousSecret).HasMaxLength(128);
            e.Property(s => s.LastSequence).IsConcurrencyToken();
            e.Ignore(s => s.Events);
            e.HasMany<WebhookDelivery>().WithOne().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<WebhookDelivery>(e =>
        {
            e.ToTable("webhook_deliveries");
            e.HasKey(d => d.Id);
            e.Property(d => d.Event).HasMaxLength(64);
            e.Property(d => d.LastError).HasMaxLength(256);
            e.Property(d => d.Attempts).IsConcurrencyToken();
            e.HasIndex(d => new { d.SubscriptionId, d.Sequence }).IsUnique();
            e.HasIndex(d => new { d.DeliveredAt, d.DeadAt });
        });
    }
}
