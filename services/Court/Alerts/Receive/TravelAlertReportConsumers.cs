using Cooperation.Alerts;
using Cooperation.Contracts.Alerts;
using Cooperation.Court.Persistence;
using Cooperation.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Court.Alerts.Receive;

/// <summary>
/// What every State report on an alert does at the Registry: once per message (inbox), find that State's own entry of
/// the alert (InboundSenderFilter has already matched the queue's State to the body), run the same board rule the
/// State ran, record it. Once the entry is acknowledged its deadline stops. A report the rule refuses means the two
/// sides disagree: straight to the error queue (ids and the rule's code only), nothing changed.
/// </summary>
public abstract class TravelAlertReportConsumer<T>(CourtDbContext db, IInbox inbox, TimeProvider clock) : IConsumer<T>
    where T : class, ITravelAlertReport
{
    public async Task Consume(ConsumeContext<T> context)
    {
        if (await inbox.AlreadyProcessedAsync(context, GetType().Name)) return;
        var m = context.Message;
        var sender = TransportSender.StateOf(context) ?? m.StateCode;
        var entry = await db.TravelAlertEntries.SingleOrDefaultAsync(
                        e => e.AlertId == m.AlertId && e.StateCode == sender && e.RequestId == m.RequestId, context.CancellationToken)
                    ?? throw new UnknownAlertException(m.AlertId);
        var wasAcknowledged = entry.Snapshot.IsAcknowledged;
        if (entry.Apply(Command(m)) is AlertDecision.Refused refused)
            throw new AlertReportRefusedException(m.AlertId, typeof(T).Name, refused.Code);
        if (!wasAcknowledged && entry.Snapshot.IsAcknowledged)
            await db.Deadlines.Where(d => d.Id == entry.DeadlineId && d.FiredAt == null && d.CancelledAt == null)
                .ForEachAsync(d => d.CancelledAt = clock.GetUtcNow(), context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
    }

    protected abstract AlertCommand Command(T message);
}

public sealed class TravelAlertDeliveredConsumer(CourtDbContext db, IInbox inbox, TimeProvider clock)
    : TravelAlertReportConsumer<TravelAlertDelivered>(db, inbox, clock)
{
    protected override AlertCommand Command(TravelAlertDelivered m) => new AlertCommand.RecordDelivered(m.DeliveredAt);
}

public sealed class TravelAlertAcknowledgedConsumer(CourtDbContext db, IInbox inbox, TimeProvider clock)
    : TravelAlertReportConsumer<TravelAlertAcknowledged>(db, inbox, clock)
{
    protected override AlertCommand Command(TravelAlertAcknowledged m) => new AlertCommand.Acknowledge(m.AcknowledgedAt, m.AcknowledgedBy);
}

public sealed class TravelAlertConsultationOpenedConsumer(CourtDbContext db, IInbox inbox, TimeProvider clock)
    : TravelAlertReportConsumer<TravelAlertConsultationOpened>(db, inbox, clock)
{
    protected override AlertCommand Command(TravelAlertConsultationOpened m) =>
        new AlertCommand.OpenConsultation(m.ConsultationId, m.Grounds, m.OpenedAt);
}

public sealed class TravelVisitReportedConsumer(CourtDbContext db, IInbox inbox, TimeProvider clock)
    : TravelAlertReportConsumer<TravelVisitReported>(db, inbox, clock)
{
    protected override AlertCommand Command(TravelVisitReported m) => m.Visit switch
    {
        VisitStatus.Cancelled => new AlertCommand.ReportVisitCancelled(m.ReportedAt),
        VisitStatus.Changed when m.ExpectedFrom is { } from && m.ExpectedUntil is { } until =>
            new AlertCommand.ReportVisitChanged(from, until, m.ReportedAt),
        _ => throw new AlertReportRefusedException(m.AlertId, nameof(TravelVisitReported), AlertErrors.InvalidDates),
    };
}

/// <summary>A report about an alert the Registry never sent to that State: it can never succeed.</summary>
public sealed class UnknownAlertException(Guid alertId)
    : UnacceptableMessageException($"No travel alert {alertId} was sent by the Registry to the reporting State.");

public sealed class AlertReportRefusedException(Guid alertId, string report, string code)
    : UnacceptableMessageException($"{report} for alert {alertId} refused by the board ({code}); the sides disagree.");
