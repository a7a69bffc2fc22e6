using Cooperation.Consultations;

namespace Cooperation.Alerts;

/// <summary>
/// Where one State's copy of a travel alert stands: the evidence of its transmission (design.md, "Evidence, not just
/// delivery": Sent, Delivered, Acknowledged), then what the State did with it.
/// </summary>
public enum AlertStage
{
    /// <summary>The Registry committed the alert (and any arrest request going with it) to the State's own queue.</summary>
    Sent,
    /// <summary>The State's node persisted its copy.</summary>
    Delivered,
    /// <summary>A person or system at the State accepted it.</summary>
    Acknowledged,
}

/// <summary>What the State reported of the visit.</summary>
public enum VisitStatus
{
    /// <summary>As the Registry announced it.</summary>
    Expected,
    /// <summary>The State reports new dates.</summary>
    Changed,
    /// <summary>The State reports the visit will not take place.</summary>
    Cancelled,
}

/// <summary>The acknowledgement clock: due at a configured time after sending, with a warning before, then overdue.</summary>
public enum AcknowledgementSignal
{
    None,
    Warning,
    Overdue,
}

/// <summary>One State's entry on an alert's board (the same record at the Registry and, for its own copy, at the State).</summary>
public sealed record AlertEntrySnapshot
{
    public AlertStage Stage { get; init; } = AlertStage.Sent;
    public DateTimeOffset SentAt { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    /// <summary>The office or system that acknowledged (an office, not a person's name).</summary>
    public string? AcknowledgedBy { get; init; }
    /// <summary>When the acknowledgement is due: after it the entry is overdue.</summary>
    public DateTimeOffset AcknowledgeBy { get; init; }
    public AcknowledgementSignal Signal { get; init; }
    public DateTimeOffset? WarningAt { get; init; }
    public DateTimeOffset? OverdueAt { get; init; }
    /// <summary>The acknowledgement came after it was due.</summary>
    public bool AcknowledgedLate { get; init; }

    public Guid? ConsultationId { get; init; }
    public IReadOnlyList<ConsultationGround> ConsultationGrounds { get; init; } = [];
    public DateTimeOffset? ConsultationOpenedAt { get; init; }

    public VisitStatus Visit { get; init; } = VisitStatus.Expected;
    public DateOnly ExpectedFrom { get; init; }
    public DateOnly ExpectedUntil { get; init; }
    public DateTimeOffset? VisitReportedAt { get; init; }

    public DateOnly? ArrestNotifiedOn { get; init; }

    /// <summary>The Registry told the Assembly's side of this State's entry (reason, when), at most once per reason.</summary>
    public DateTimeOffset? AssemblyNotifiedOfIncidentAt { get; init; }
    public DateTimeOffset? AssemblyNotifiedOfOverdueAt { get; init; }

    public static AlertEntrySnapshot New(DateTimeOffset sentAt, TimeSpan acknowledgeWithin, DateOnly from, DateOnly until) => new()
    {
        SentAt = sentAt,
        AcknowledgeBy = sentAt + acknowledgeWithin,
        ExpectedFrom = from,
        ExpectedUntil = until,
    };

    public bool IsAcknowledged => Stage == AlertStage.Acknowledged;
}

/// <summary>The closed set of events on one State's entry.</summary>
public abstract record AlertCommand
{
    private AlertCommand() { }

    /// <summary>The State's node persisted its copy.</summary>
    public sealed record RecordDelivered(DateTimeOffset At) : AlertCommand;

    /// <summary>A person or system at the State accepted the alert.</summary>
    public sealed record Acknowledge(DateTimeOffset At, string AcknowledgedBy) : AlertCommand;

    /// <summary>
    /// Art 97: the State consults the Court on an obstacle, from the alert, on the arrest request it concerns. Opening a
    /// consultation shows that the State has the alert: an unacknowledged entry counts as acknowledged by it.
    /// </summary>
    public sealed record OpenConsultation(Guid ConsultationId, IReadOnlyList<ConsultationGround> Grounds, DateTimeOffset At) : AlertCommand;

    /// <summary>The State reports the visit will not take place.</summary>
    public sealed record ReportVisitCancelled(DateTimeOffset At) : AlertCommand;

    /// <summary>The State reports new dates for the visit (from ≤ until).</summary>
    public sealed record ReportVisitChanged(DateOnly ExpectedFrom, DateOnly ExpectedUntil, DateTimeOffset At) : AlertCommand;

    /// <summary>The State notified the arrest of the person (on the arrest request the alert concerns, Art 59(1), 89(1)).</summary>
    public sealed record RecordArrest(DateOnly ArrestDate) : AlertCommand;

    /// <summary>The acknowledgement is due soon and has not come (the deadline's reminder).</summary>
    public sealed record RaiseWarning(DateTimeOffset At) : AlertCommand;

    /// <summary>The acknowledgement fell due and has not come (the deadline's miss).</summary>
    public sealed record RaiseOverdue(DateTimeOffset At) : AlertCommand;

    /// <summary>The Registry notifies the Assembly's side of an imminent serious incident of non-cooperation (ICC-ASP/10/Res.5 annex).</summary>
    public sealed record NotifyAssemblyOfIncident(DateTimeOffset At) : AlertCommand;

    /// <summary>Where configured, the overdue entry is notified to the Assembly's side too.</summary>
    public sealed record NotifyAssemblyOfOverdue(DateTimeOffset At) : AlertCommand;
}

public abstract record AlertDecision
{
    private AlertDecision() { }

    /// <summary>Accepted: the new snapshot and a stable event code (content-free, for history and logs).</summary>
    public sealed record Accepted(AlertEntrySnapshot Snapshot, string Event) : AlertDecision;

    /// <summary>Refused with a stable code; nothing changes.</summary>
    public sealed record Refused(string Code, string Message) : AlertDecision;
}

/// <summary>Stable codes of refused steps on an alert entry (ProblemDetails type suffixes).</summary>
public static class AlertErrors
{
    public const string IllegalTransition = "illegal-transition";
    public const string NotDelivered = "alert-not-delivered";
    public const string AlreadyAcknowledged = "alert-already-acknowledged";
    public const string AcknowledgedByRequired = "acknowledged-by-required";
    public const string ConsultationAlreadyOpened = "alert-consultation-already-opened";
    public const string GroundsRequired = "grounds-required";
    public const string VisitCancelled = "visit-cancelled";
    public const string InvalidDates = "invalid-dates";
    public const string ArrestAlreadyNotified = "arrest-already-notified";
    public const string AlreadySignalled = "alert-already-signalled";
    public const string AssemblyAlreadyNotified = "assembly-already-notified";
    public const string NotOverdue = "alert-not-overdue";
}
