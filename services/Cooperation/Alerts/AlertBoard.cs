using static Cooperation.Alerts.AlertCommand;

namespace Cooperation.Alerts;

/// <summary>
/// One State's entry on a travel alert's board, as a pure, guarded state machine. Both ends run it: the Registry on
/// its board, the State on its own copy, so the two agree.
/// </summary>
public static class AlertBoard
{
    /// <summary>Who acknowledged when the State's first act on the alert was to consult the Court on it (Art 97).</summary>
    public const string AcknowledgedByConsultation = "Art 97 consultation opened from the alert";

    public static AlertDecision Decide(AlertEntrySnapshot current, AlertCommand command)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(command);
        return command switch
        {
            RecordDelivered c => current.Stage == AlertStage.Sent
                ? Accept(current with { Stage = AlertStage.Delivered, DeliveredAt = c.At }, "alert-delivered")
                : Refuse(AlertErrors.IllegalTransition, "The alert was already delivered to this State."),

            Acknowledge c => Received(current) ?? NotYetAcknowledged(current) ?? (string.IsNullOrWhiteSpace(c.AcknowledgedBy)
                ? Refuse(AlertErrors.AcknowledgedByRequired, "Name the office or system that acknowledges the alert (acknowledgedBy).")
                : Accept(Acknowledged(current, c.At, c.AcknowledgedBy.Trim()), "alert-acknowledged")),

            // Art 97: consult "without delay"; one consultation per alert and State, on the arrest request it concerns.
            OpenConsultation c => Received(current)
                ?? (current.ConsultationId is not null
                    ? Refuse(AlertErrors.ConsultationAlreadyOpened, "A consultation was already opened from this alert; write in it instead.")
                    : c.Grounds.Count == 0
                        ? Refuse(AlertErrors.GroundsRequired, "A consultation names at least one ground (Art 97).")
                        : Accept((current.IsAcknowledged ? current : Acknowledged(current, c.At, AcknowledgedByConsultation)) with
                        {
                            ConsultationId = c.ConsultationId,
                            ConsultationGrounds = c.Grounds,
                            ConsultationOpenedAt = c.At,
                        }, "alert-consultation-opened")),

            ReportVisitCancelled c => Received(current) ?? NotCancelled(current)
                ?? Accept(current with { Visit = VisitStatus.Cancelled, VisitReportedAt = c.At }, "visit-cancelled"),

            ReportVisitChanged c => Received(current) ?? NotCancelled(current)
                ?? (c.ExpectedFrom > c.ExpectedUntil
                    ? Refuse(AlertErrors.InvalidDates, "The new first day must be on or before the new last day.")
                    : Accept(current with
                    {
                        Visit = VisitStatus.Changed, ExpectedFrom = c.ExpectedFrom, ExpectedUntil = c.ExpectedUntil, VisitReportedAt = c.At,
                    }, "visit-changed")),

            // The arrest is notified on the arrest request (Art 59(1), 89(1)); the board records its date once.
            RecordArrest c => current.ArrestNotifiedOn is not null
                ? Refuse(AlertErrors.ArrestAlreadyNotified, "The arrest was already notified for this State.")
                : Accept(current with { ArrestNotifiedOn = c.ArrestDate }, "arrest-notified"),

            RaiseWarning c => NotYetAcknowledged(current) ?? (current.Signal != AcknowledgementSignal.None
                ? Refuse(AlertErrors.AlreadySignalled, "A warning or overdue signal was already raised.")
                : Accept(current with { Signal = AcknowledgementSignal.Warning, WarningAt = c.At }, "alert-acknowledgement-warning")),

            RaiseOverdue c => NotYetAcknowledged(current) ?? (current.Signal == AcknowledgementSignal.Overdue
                ? Refuse(AlertErrors.AlreadySignalled, "The overdue signal was already raised.")
                : Accept(current with { Signal = AcknowledgementSignal.Overdue, OverdueAt = c.At }, "alert-acknowledgement-overdue")),

            // ICC-ASP/10/Res.5 annex (as amended): the informal response may start when a serious incident is imminent.
            NotifyAssemblyOfIncident c => current.AssemblyNotifiedOfIncidentAt is not null
                ? Refuse(AlertErrors.AssemblyAlreadyNotified, "The Assembly was already notified of this State's imminent incident.")
                : Accept(current with { AssemblyNotifiedOfIncidentAt = c.At }, "assembly-notified-of-incident"),

            NotifyAssemblyOfOverdue c => current.Signal != AcknowledgementSignal.Overdue
                ? Refuse(AlertErrors.NotOverdue, "Only an overdue acknowledgement is notified as such.")
                : current.AssemblyNotifiedOfOverdueAt is not null
                    ? Refuse(AlertErrors.AssemblyAlreadyNotified, "The Assembly was already notified that this State's acknowledgement is overdue.")
                    : Accept(current with { AssemblyNotifiedOfOverdueAt = c.At }, "assembly-notified-of-overdue"),

            _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown alert command."),
        };
    }

    private static AlertEntrySnapshot Acknowledged(AlertEntrySnapshot current, DateTimeOffset at, string by) => current with
    {
        Stage = AlertStage.Acknowledged,
        AcknowledgedAt = at,
        AcknowledgedBy = by,
        // Late once it was due (or already signalled overdue); it still counts, but the record says so.
        AcknowledgedLate = at >= current.AcknowledgeBy || current.Signal == AcknowledgementSignal.Overdue,
    };

    private static AlertDecision? Received(AlertEntrySnapshot current) => current.Stage == AlertStage.Sent
        ? Refuse(AlertErrors.NotDelivered, "The State's node has not received this alert yet.")
        : null;

    private static AlertDecision? NotYetAcknowledged(AlertEntrySnapshot current) => current.IsAcknowledged
        ? Refuse(AlertErrors.AlreadyAcknowledged, "The alert was already acknowledged.")
        : null;

    private static AlertDecision? NotCancelled(AlertEntrySnapshot current) => current.Visit == VisitStatus.Cancelled
        ? Refuse(AlertErrors.VisitCancelled, "The visit was reported cancelled; a new visit is a new alert.")
        : null;

    private static AlertDecision Accept(AlertEntrySnapshot snapshot, string @event) => new AlertDecision.Accepted(snapshot, @event);

    private static AlertDecision Refuse(string code, string message) => new AlertDecision.Refused(code, message);
}
