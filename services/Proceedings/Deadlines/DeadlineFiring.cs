using System.Diagnostics;
using System.Diagnostics.Metrics;
using Cooperation.ServiceDefaults.Telemetry;
using Cooperation.Contracts.Deadlines;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.Proceedings.Persistence;
using Cooperation.Proceedings.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cooperation.Proceedings.Deadlines;

/// <summary>
/// One pass of the scheduler: fires every reminder and deadline that is due by the clock. Each step is
/// claimed with a conditional UPDATE (guarded by <see cref="ScheduledDeadline.RemindersSent"/> and
/// <see cref="ScheduledDeadline.FiredAt"/>); only the instance whose UPDATE touched the row writes the
/// messages, in the same transaction. On PostgreSQL a second instance's UPDATE waits for the first to
/// commit, re-reads the row and matches nothing, so a step fires once however many instances run.
/// </summary>
public sealed class DeadlineFiring(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<SchedulingOptions> options,
    ILogger<DeadlineFiring> logger,
    IMeterFactory meters)
{
    // A notice carries ids, a kind and dates, no content: the parties it is sent to, nobody else.
    private static readonly IReadOnlyList<string> NoticeReaders = [];

    public const string MeterName = "Cooperation.Deadlines";

    private readonly Counter<long> _reminders = meters.Create(MeterName)
        .CreateCounter<long>("cooperation.deadline.reminders", description: "Deadline reminders sent");
    private readonly Counter<long> _missed = meters.Create(MeterName)
        .CreateCounter<long>("cooperation.deadline.missed", description: "Deadlines that fell unmet");

    /// <summary>Fires what is due now; returns how many steps (reminders or misses) this instance fired.</summary>
    public async Task<int> FireDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProceedingsDbContext>();
            due = await db.Deadlines.AsNoTracking()
                .Where(d => d.FiredAt == null && d.CancelledAt == null && d.NextFireAt <= now)
                .OrderBy(d => d.NextFireAt)
                .Select(d => d.Id)
                .Take(options.Value.BatchSize)
                .ToListAsync(ct);
        }

        var fired = 0;
        foreach (var id in due)
            if (await TryFireAsync(id, now, ct)) fired++;
        return fired;
    }

    private async Task<bool> TryFireAsync(Guid id, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProceedingsDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var d = await db.Deadlines.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (d is null || d.FiredAt is not null || d.CancelledAt is not null || d.NextFireAt > now) return false;

        // A root span per step fired: the notices it writes travel in its trace, tagged with what they concern.
        using var activity = CooperationTelemetry.Source.StartActivity(now >= d.DueAt ? "deadline missed" : "deadline reminder", ActivityKind.Internal);
        activity?.SetTag(RequestTags.Step, now >= d.DueAt ? "deadline missed" : "deadline reminder");
        activity?.SetTag("cooperation.deadline.kind", d.Kind.ToString());
        if (d.RequestId is { } requestId) activity?.SetTag(RequestTags.RequestId, requestId.ToString());
        if (d.ConsultationId is { } consultationId) activity?.SetTag(RequestTags.ConsultationId, consultationId.ToString());

        var reminders = d.Reminders;
        var seen = d.RemindersSent;
        int claimed;
        var missed = now >= d.DueAt;
        if (missed)
        {
            // Late reminders are not sent once the deadline itself has fallen: the miss says more.
            claimed = await db.Deadlines
                .Where(x => x.Id == id && x.FiredAt == null && x.CancelledAt == null && x.RemindersSent == seen)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.FiredAt, now)
                    .SetProperty(x => x.RemindersSent, reminders.Count), ct);
            if (claimed != 1) return false;
            foreach (var recipient in d.Recipients)
                outbox.Send(recipient, new DeadlineMissed
                {
                    RequestId = d.RequestId ?? Guid.Empty,
                    RequestVersion = d.RequestVersion,
                    SenderOrgan = d.Owner,
                    Classification = d.Classification,
                    SentAt = now,
                    Readers = NoticeReaders,
                    DeadlineId = d.Id,
                    Kind = d.Kind,
                    DueAt = d.DueAt,
                    ConsultationId = d.ConsultationId,
                    StateCode = d.StateCode,
                    FiredAt = now,
                });
        }
        else
        {
            // The latest reminder that is due; earlier ones missed while the service was down are skipped.
            var index = -1;
            for (var i = seen; i < reminders.Count; i++)
                if (reminders[i] <= now) index = i;
            if (index < 0) return false;
            var next = index + 1 < reminders.Count ? reminders[index + 1] : d.DueAt;
            claimed = await db.Deadlines
                .Where(x => x.Id == id && x.FiredAt == null && x.CancelledAt == null && x.RemindersSent == seen)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.RemindersSent, index + 1)
                    .SetProperty(x => x.NextFireAt, next)
                    .SetProperty(x => x.LastReminderAt, now), ct);
            if (claimed != 1) return false;
            foreach (var recipient in d.Recipients)
                outbox.Send(recipient, new DeadlineApproaching
                {
                    RequestId = d.RequestId ?? Guid.Empty,
                    RequestVersion = d.RequestVersion,
                    SenderOrgan = d.Owner,
                    Classification = d.Classification,
                    SentAt = now,
                    Readers = NoticeReaders,
                    DeadlineId = d.Id,
                    Kind = d.Kind,
                    DueAt = d.DueAt,
                    ConsultationId = d.ConsultationId,
                    StateCode = d.StateCode,
                    Reminder = index + 1,
                });
        }

        // Issue 14: this node's partner systems hear of the step in the same commit (a node without webhooks: none).
        await DeadlineWebhooks.QueueAsync(scope.ServiceProvider, missed ? WebhookEvents.DeadlineMissed : WebhookEvents.DeadlineApproaching,
            d.Id, d.Kind, d.RequestId, d.RequestVersion, ct);

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        var tags = new KeyValuePair<string, object?>[] { new("kind", d.Kind.ToString()), new("state", d.StateCode ?? "") };
        if (!missed)
        {
            _reminders.Add(1, tags);
            logger.LogInformation("Deadline {DeadlineId} ({Kind}) reminder sent; due {DueAt:O}", d.Id, d.Kind, d.DueAt);
        }
        else
        {
            _missed.Add(1, tags);
            logger.LogWarning("Deadline {DeadlineId} ({Kind}) for request {RequestId} fell unmet at {DueAt:O}",
                d.Id, d.Kind, d.RequestId, d.DueAt);
        }
        return true;
    }
}

/// <summary>The deadline events of issue 14, queued where a deadline fires and where its notice is received.</summary>
internal static class DeadlineWebhooks
{
    public static async Task QueueAsync(
        IServiceProvider services, string eventName, Guid deadlineId, Cooperation.Deadlines.DeadlineKind kind, Guid? requestId, int requestVersion,
        CancellationToken ct)
    {
        // A deadline that concerns no request (an unscheduled landing's 96 hours, keyed on the landing) names no resource a
        // partner could read: no event.
        if (requestId is not { } id || id == Guid.Empty) return;
        if (services.GetService<IWebhookQueue>() is not { } webhooks || services.GetService<WebhookResources>() is not { } resources) return;
        await webhooks.QueueAsync(eventName,
            new WebhookEventData(id, requestVersion, resources.Deadlines(id)) { DeadlineId = deadlineId, DeadlineKind = kind.ToString() }, ct);
    }
}
