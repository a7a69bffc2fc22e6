namespace Cooperation.AssemblyProcedures;

/// <summary>The closed set of what the Assembly's side records on a case.</summary>
public abstract record AssemblyCommand
{
    private AssemblyCommand() { }

    /// <summary>
    /// The next step of the formal response, with its date and document. For the President's letter,
    /// <paramref name="ViewsDueBy"/> is the date by which the State is asked for its views (default: about two weeks).
    /// </summary>
    public sealed record RecordFormalStep(FormalStep Step, DateOnly On, DocumentMetadata Document, DateOnly? ViewsDueBy = null) : AssemblyCommand;

    /// <summary>The Presidency gives the case to a regional focal point (annex para 16).</summary>
    public sealed record AssignFocalPoint(FocalPointAssignment Assignment) : AssemblyCommand;

    /// <summary>A démarche, contact, meeting or good offices, by the Presidency or an assigned focal point.</summary>
    public sealed record LogInformalAction(AssemblyActor By, InformalActionKind Kind, DateOnly On) : AssemblyCommand;

    /// <summary>The State's views on the President's letter arrived through its node.</summary>
    public sealed record ReceiveStateViews(DateTimeOffset At) : AssemblyCommand;
}
