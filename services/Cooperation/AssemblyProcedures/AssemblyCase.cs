using Cooperation.Deadlines;

namespace Cooperation.AssemblyProcedures;

/// <summary>One formal step as recorded: its date and its document; for the President's letter, the views-by date.</summary>
public sealed record FormalStepRecord(FormalStep Step, DateOnly On, DocumentMetadata Document, DateOnly? ViewsDueBy = null);

/// <summary>A focal point given a case: its partner id (the focal point's client), its region, from when.</summary>
public sealed record FocalPointAssignment(string FocalPoint, Region Region, DateOnly On);

/// <summary>Who acts at the Assembly: the Presidency/Bureau (through the Secretariat) or one regional focal point.</summary>
public abstract record AssemblyActor
{
    private AssemblyActor() { }

    public sealed record Presidency : AssemblyActor;

    /// <summary>A regional focal point, by its partner id.</summary>
    public sealed record FocalPoint(string Id) : AssemblyActor;
}

/// <summary>
/// What the Assembly holds of one notified case (a non-compliance matter, or an imminent incident the Registry chose
/// to notify): only what the Court notified (State, steps, dates, references) and the Assembly's own response.
/// </summary>
public sealed record AssemblyCaseSnapshot(
    string StateCode,
    bool ReferredToAssembly,
    IReadOnlyList<FormalStepRecord> FormalSteps,
    IReadOnlyList<FocalPointAssignment> Assignments,
    DateTimeOffset? ViewsReceivedAt = null)
{
    public static AssemblyCaseSnapshot Notified(string stateCode, bool referredToAssembly) =>
        new(stateCode, referredToAssembly, [], []);

    /// <summary>The last formal step taken, or null before the emergency Bureau meeting.</summary>
    public FormalStep? LastFormalStep => FormalSteps.Count == 0 ? null : FormalSteps[^1].Step;

    public FormalStepRecord? Letter => FormalSteps.FirstOrDefault(s => s.Step == FormalStep.PresidentsLetter);

    public bool IsAssigned(string focalPoint) => Assignments.Any(a => a.FocalPoint == focalPoint);
}
