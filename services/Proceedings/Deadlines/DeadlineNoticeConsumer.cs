using Cooperation.Contracts.Deadlines;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.Proceedings.Persistence;
using Cooperation.Proceedings.Webhooks;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Cooperation.Proceedings.Deadlines;

/// <summary>Records reminders and misses of deadlines another organ owns, so this side's views show them.</summary>
public sealed class DeadlineNoticeConsumer(
    ProceedingsDbContext db, IInbox inbox, TimeProvider clock, ILogger<DeadlineNoticeConsumer> logger, IServiceProvider services)
    : IConsumer<DeadlineApproaching>, IConsumer<DeadlineMissed>
{
    public async Task Consume(ConsumeContext<DeadlineApproaching> context)
    {
        if (await inbox.AlreadyProcessedAsync(context, nameof(DeadlineNoticeConsumer))) return;
        var m = context.Message;
        db.DeadlineNotices.Add(new DeadlineNotice
        {
            Id = context.MessageId ?? Guid.CreateVersion7(),
            DeadlineId = m.DeadlineId, Type = DeadlineNoticeType.Reminder, Kind = m.Kind, DueAt = m.DueAt,
            RequestId = m.RequestId == Guid.Empty ? null : m.RequestId, ConsultationId = m.ConsultationId,
            StateCode = m.StateCode, From = m.SenderOrgan, Reminder = m.Reminder, ReceivedAt = clock.GetUtcNow(),
        });
        await DeadlineWebhooks.QueueAsync(services, WebhookEvents.DeadlineApproaching, m.DeadlineId, m.Kind, m.RequestId, m.RequestVersion,
            context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        logger.LogInformation("Reminder {Reminder} for deadline {DeadlineId} ({Kind}) due {DueAt:O}", m.Reminder, m.DeadlineId, m.Kind, m.DueAt);
    }

    public async Task Consume(ConsumeContext<DeadlineMissed> context)
    {
        if (await inbox.AlreadyProcessedAsync(context, nameof(DeadlineNoticeConsumer))) return;
        var m = context.Message;
        db.DeadlineNotices.Add(new DeadlineNotice
        {
            Id = context.MessageId ?? Guid.CreateVersion7(),
            DeadlineId = m.DeadlineId, Type = DeadlineNoticeType.Missed, Kind = m.Kind, DueAt = m.DueAt,
            RequestId = m.RequestId == Guid.Empty ? null : m.RequestId, ConsultationId = m.ConsultationId,
            StateCode = m.StateCode, From = m.SenderOrgan, ReceivedAt = clock.GetUtcNow(),
        });
        await DeadlineWebhooks.QueueAsync(services, WebhookEvents.DeadlineMissed, m.DeadlineId, m.Kind, m.RequestId, m.RequestVersion,
            context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        logger.LogWarning("Deadline {DeadlineId} ({Kind}) for request {RequestId} fell unmet at {DueAt:O}", m.DeadlineId, m.Kind, m.RequestId, m.DueAt);
    }
}
