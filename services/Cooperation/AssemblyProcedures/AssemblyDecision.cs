using Cooperation.Deadlines;

namespace Cooperation.AssemblyProcedures;

public abstract record AssemblyDecision
{
    private AssemblyDecision() { }

    /// <summary>
    /// Accepted: the new snapshot, a stable event code and a content-free description; plus the deadline the step starts
    /// (<paramref name="DeadlineStarted"/>, the President's letter) or ends (<paramref name="DeadlineEnded"/>, the State's views).
    /// </summary>
    public sealed record Accepted(
        AssemblyCaseSnapshot Snapshot,
        string Event,
        string Description,
        Deadline? DeadlineStarted = null,
        DeadlineKind? DeadlineEnded = null) : AssemblyDecision;

    /// <summary>Refused: nothing changes. <paramref name="Forbidden"/> marks a refusal of the actor (403), not of the step (409).</summary>
    public sealed record Refused(string Code, string Message, bool Forbidden = false) : AssemblyDecision;

    public bool IsAccepted => this is Accepted;
}

/// <summary>Stable error codes (ProblemDetails types).</summary>
public static class AssemblyErrors
{
    /// <summary>The formal response follows a Chamber's referral to the Assembly (Art 87(7)); the case has none.</summary>
    public const string NotReferred = "not-referred-to-assembly";
    /// <summary>Not the next step of the formal response (out of order, or already taken).</summary>
    public const string IllegalStep = "illegal-assembly-step";
    /// <summary>A step dated before the step it follows.</summary>
    public const string DateBeforePreviousStep = "date-before-previous-step";
    /// <summary>The views-by date of the President's letter is not after the letter.</summary>
    public const string ViewsDueBeforeLetter = "views-due-before-letter";
    /// <summary>The State's views answer the President's letter, which has not been sent.</summary>
    public const string NoLetter = "no-presidents-letter";
    /// <summary>A focal point acts only on the cases assigned to it.</summary>
    public const string NotAssigned = "focal-point-not-assigned";
    /// <summary>Only the Presidency/Bureau assigns focal points and records the formal response.</summary>
    public const string PresidencyOnly = "presidency-only";
    /// <summary>The focal point already has this case.</summary>
    public const string AlreadyAssigned = "focal-point-already-assigned";
}
