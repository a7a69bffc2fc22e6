using Cooperation.Deadlines;

namespace Cooperation.Requests.Arrest;

public abstract record ArrestDecision
{
    private ArrestDecision() { }

    /// <summary>
    /// Accepted: the new snapshot, a stable event code and a content-free description; plus the statutory
    /// timer the step starts (<paramref name="DeadlineStarted"/>) or ends (<paramref name="DeadlineEnded"/>), for the scheduler.
    /// </summary>
    public sealed record Accepted(
        ArrestSnapshot Snapshot,
        string Event,
        string Description,
        Deadline? DeadlineStarted = null,
        DeadlineKind? DeadlineEnded = null) : ArrestDecision;

    public sealed record Refused(string Code, string Message) : ArrestDecision;

    public bool IsAccepted => this is Accepted;
}

public static class ArrestErrors
{
    public const string IllegalTransition = "illegal-transition";
    public const string DocumentsAlreadyReceived = "documents-already-received";
    public const string DocumentsRequired = "documents-required";
    public const string ArrestDateRequired = "arrest-date-required";
    public const string ReleaseBeforePeriodEnds = "release-before-period-ends";
    public const string DateBeforeArrest = "date-before-arrest";
    /// <summary>Art 89(4): deferral or temporary surrender follows a consultation with the Court.</summary>
    public const string ConsultationRequired = "consultation-required";
    /// <summary>Art 89(4): the consultation comes "after making its decision to grant the request".</summary>
    public const string SurrenderOrderRequired = "surrender-order-required";
    /// <summary>RPE 183: a temporary surrender is on conditions determined with the Court.</summary>
    public const string ConditionsRequired = "conditions-required";
}
