using Cooperation.Alerts;
using Cooperation.Contracts;
using Cooperation.Contracts.Deadlines;
using Cooperation.Contracts.NonCompliance;
using Cooperation.Court.Alerts.Assembly;
using Cooperation.Court.Persistence;
using Cooperation.Deadlines;
using Cooperation.Organs;
using Cooperation.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cooperation.Court.Alerts.Receive;

/// <summary>
/// The Registry's own acknowledgement deadlines, fired by its scheduler to its own queue: the reminder raises the
/// warning, the miss the overdue signal on the board (and, where configured, a notification to the Assembly's side).
/// Only the Registry's own notices count: one that arrived on a State's queue, or from another organ, changes nothing
/// here (DeadlineNoticeConsumer still records it as it records every notice).
/// </summary>
public sealed class AlertDeadlineConsumer(
    CourtDbContext db, IInbox inbox, IOutbox outbox, IOptions<AlertOptions> options, ILogger<AlertDeadlineConsumer> logger)
    : IConsumer<DeadlineApproaching>, IConsumer<DeadlineMissed>
{
    public Task Consume(ConsumeContext<DeadlineApproaching> context) =>
        ApplyAsync(context, context.Message.Kind, context.Message.SenderOrgan, context.Message.DeadlineId,
            new AlertCommand.RaiseWarning(context.Message.SentAt), context.Message.SentAt);

    public Task Consume(ConsumeContext<DeadlineMissed> context) =>
        ApplyAsync(context, context.Message.Kind, context.Message.SenderOrgan, context.Message.DeadlineId,
            new AlertCommand.RaiseOverdue(context.Message.FiredAt), context.Message.FiredAt);

    private async Task ApplyAsync(ConsumeContext context, DeadlineKind kind, Organ sender, Guid deadlineId, AlertCommand command, DateTimeOffset at)
    {
        if (kind != DeadlineKind.AlertAcknowledgement || sender != Organ.Registry || TransportSender.StateOf(context) is not null) return;
        if (await inbox.AlreadyProcessedAsync(context, nameof(AlertDeadlineConsumer))) return;
        var entry = await db.TravelAlertEntries.SingleOrDefaultAsync(e => e.DeadlineId == deadlineId, context.CancellationToken);
        if (entry is null) return;
        // Refused (already acknowledged, or already signalled): the signal came too late to matter; the inbox row is kept.
        if (entry.Apply(command) is AlertDecision.Accepted)
        {
            var overdue = command is AlertCommand.RaiseOverdue;
            (overdue ? AlertMetrics.Overdue : AlertMetrics.Warnings).Add(1);
            logger.LogWarning("Travel alert {AlertId}: acknowledgement {Signal} for one State (deadline {DeadlineId})",
                entry.AlertId, overdue ? "overdue" : "due soon", deadlineId);
            if (overdue && options.Value.NotifyAssemblyWhenOverdue)
            {
                var alert = await db.TravelAlerts.SingleAsync(a => a.Id == entry.AlertId, context.CancellationToken);
                if (AssemblyNotice.MayNotifyAutomatically(alert.Classification)
                    && entry.Apply(new AlertCommand.NotifyAssemblyOfOverdue(at)) is AlertDecision.Accepted)
                {
                    outbox.Send(Addresses.ToAssembly, AssemblyNotice.For(alert, entry, NotificationReason.AlertOverdue, at));
                    AlertMetrics.AssemblyNotifications.Add(1);
                }
            }
        }
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
