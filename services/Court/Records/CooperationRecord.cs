using Cooperation.Confidentiality;
using Cooperation.Consultations;
using Cooperation.Deadlines;
using Cooperation.NonCompliance;

namespace Cooperation.Court.Records;

/// <summary>Who the record was drawn for: the Registry counts everything; the Assembly's readers only what they may know.</summary>
public enum RecordView
{
    /// <summary>Every request, consultation and matter of the Registry's.</summary>
    Registry,
    /// <summary>
    /// The Assembly's Presidency, Bureau and focal points: no sealed or ex parte request, consultation or matter is counted,
    /// except a matter the Court has notified to the Assembly (its referral, Art 87(7)).
    /// </summary>
    Assembly,
}

/// <summary>The period a record covers (inclusive UTC dates); either end may be open.</summary>
public sealed record RecordPeriod(DateOnly? From, DateOnly? To)
{
    public DateTimeOffset? Start => From is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
    public DateTimeOffset? End => To is { } t ? Deadline.EndOfDayUtc(t) : null;
    public bool Contains(DateTimeOffset? at) => at is { } a && (Start is not { } s || a >= s) && (End is not { } e || a < e);
    public bool Contains(DateOnly on) => (From is not { } f || on >= f) && (To is not { } t || on <= t);
}

/// <summary>Requests transmitted in the period and what became of them (evidence signals as the Registry recorded them).</summary>
public sealed record RequestFigures(
    int Transmitted, int Received, int Acknowledged, int AcknowledgedInTime, int AcknowledgedLate, int AcknowledgementOverdue,
    int InExecution, int Executed, int PartiallyExecuted, int Denied, int Withdrawn, int DeadlinesMissed);

/// <summary>
/// Art 97 consultations opened in the period, measured against the service levels as
/// <c>/registry/consultations/service-levels</c> measures them (from delivery or the obstacle recorded, to the opening).
/// </summary>
public sealed record ConsultationFigures(
    int Opened, int OpenedByState, int OpenedWithinServiceLevel, int TimeToOpenBreaches, double? MedianHoursToOpen, int TimeToFirstCourtAnswerBreaches,
    IReadOnlyDictionary<ConsultationGround, int> Grounds);

/// <summary>Matters opened in the period: where they stand, and the decisions taken in them (Art 87(7)).</summary>
public sealed record MatterFigures(
    int Opened, IReadOnlyDictionary<MatterStep, int> ByStep, int ObservationsInvited, int ObservationsSubmitted, int Findings,
    int ReferredToAssembly, int ReferredToSecurityCouncil, int ReferralDeferred, int NotReferred, int ClosedWithoutFinding);

/// <summary>
/// Travel alerts addressed to the State in the period (issue 9 §1): delivered, acknowledged in time or late (against the
/// acknowledgement clock the alert carried), overdue, consultations opened from the alert (Art 97), arrests notified (Art 59(1)).
/// </summary>
public sealed record AlertFigures(
    int Addressed, int Delivered, int Acknowledged, int AcknowledgedInTime, int AcknowledgedLate, int Overdue, int ConsultationsOpened,
    int VisitsReportedChanged, int ArrestsNotified);

/// <summary>One State's cooperation record.</summary>
public sealed record StateCooperationRecord(
    string StateCode, RequestFigures Requests, ConsultationFigures Consultations, MatterFigures Matters, AlertFigures Alerts);

public sealed record CooperationRecords(
    DateTimeOffset AsOf, DateOnly? From, DateOnly? To, RecordView View, TimeSpan ConsultationMaxToOpen, IReadOnlyList<StateCooperationRecord> States);

public static class RecordClassification
{
    /// <summary>What the Assembly's readers may have counted: Public and Confidential only (Art 87(3); sealed matters once notified).</summary>
    public static bool CountedFor(RecordView view, Classification c) =>
        view == RecordView.Registry || c is Classification.Public or Classification.Confidential;
}
