using Cooperation.Deadlines;
using static Cooperation.AssemblyProcedures.AssemblyCommand;

namespace Cooperation.AssemblyProcedures;

/// <summary>
/// The Assembly's procedures on non-cooperation as a pure, guarded state machine: ICC-ASP/10/Res.5 annex, as amended
/// by ICC-ASP/11/Res.8 annex I (2012) and ICC-ASP/17/Res.5 annex II (2018). The informal response (good offices of
/// the President, regional focal points, para 16) is open at any time, also before any finding when a serious
/// incident is imminent; the formal response follows a referral, one step after the other (para 14).
/// </summary>
public static class AssemblyProcedure
{
    /// <summary>
    /// The President's letter asks the State for its views "within about two weeks" (annex para 14, as domain.md
    /// reads it; the exact period is not confirmed). The Presidency may set another date.
    /// </summary>
    public static readonly TimeSpan DefaultViewsPeriod = TimeSpan.FromDays(14);

    /// <summary>The formal response in the order enforced here (domain.md's reading of para 14(e); not confirmed).</summary>
    public static readonly IReadOnlyList<FormalStep> FormalOrder = (FormalStep[])
    [
        FormalStep.EmergencyBureauMeeting,
        FormalStep.PresidentsLetter,
        FormalStep.BureauMeetingWithState,
        FormalStep.PlenaryConsideration,
        FormalStep.BureauReport,
    ];

    /// <summary>The views-by date of a letter sent on <paramref name="letterOn"/> when the Presidency names none.</summary>
    public static DateOnly DefaultViewsDueBy(DateOnly letterOn) => letterOn.AddDays(DefaultViewsPeriod.Days);

    /// <summary>The deadline of the State's views: late after the end of the views-by day (UTC).</summary>
    public static Deadline ViewsDeadline(DateOnly viewsDueBy, Guid? requestId = null) =>
        new(DeadlineKind.AssemblyViewsDue, Deadline.EndOfDayUtc(viewsDueBy), requestId);

    public static AssemblyDecision Decide(AssemblyCaseSnapshot current, AssemblyCommand command)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(command);
        return command switch
        {
            RecordFormalStep c => Formal(current, c),
            AssignFocalPoint c => current.IsAssigned(c.Assignment.FocalPoint)
                ? new AssemblyDecision.Refused(AssemblyErrors.AlreadyAssigned, "This focal point already has the case.")
                : new AssemblyDecision.Accepted(current with { Assignments = [.. current.Assignments, c.Assignment] },
                    "focal-point-assigned", $"A regional focal point ({c.Assignment.Region}) was given the case (annex para 16)."),
            LogInformalAction c => Informal(current, c),
            ReceiveStateViews c => current.Letter is null
                ? new AssemblyDecision.Refused(AssemblyErrors.NoLetter,
                    "The State's views answer the President's letter, which has not been sent on this case.")
                : new AssemblyDecision.Accepted(current with { ViewsReceivedAt = current.ViewsReceivedAt ?? c.At },
                    "state-views-received", "The State's views on the President's letter arrived.",
                    // Only the first answer meets the deadline; later ones add to it.
                    DeadlineEnded: current.ViewsReceivedAt is null ? DeadlineKind.AssemblyViewsDue : null),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "unknown command"),
        };
    }

    private static AssemblyDecision Formal(AssemblyCaseSnapshot current, RecordFormalStep c)
    {
        // The formal response follows a Chamber's referral to the Assembly (Art 87(7)). Whether an imminent serious
        // incident over an arrest can also open it is not confirmed: here only a referral does.
        if (!current.ReferredToAssembly)
            return new AssemblyDecision.Refused(AssemblyErrors.NotReferred,
                "The formal response follows a Chamber's referral of the matter to the Assembly (Art 87(7)); this case has none. " +
                "The informal response is open.");
        var expected = current.LastFormalStep is { } last ? ((IList<FormalStep>)FormalOrder).IndexOf(last) + 1 : 0;
        if (expected >= FormalOrder.Count || FormalOrder[expected] != c.Step)
            return new AssemblyDecision.Refused(AssemblyErrors.IllegalStep,
                expected >= FormalOrder.Count
                    ? "The formal response is complete: the Bureau has reported."
                    : $"The next step of the formal response is {FormalOrder[expected]}, not {c.Step} (ICC-ASP/10/Res.5 annex, para 14).");
        if (current.FormalSteps.Count > 0 && c.On < current.FormalSteps[^1].On)
            return new AssemblyDecision.Refused(AssemblyErrors.DateBeforePreviousStep,
                $"{c.Step} cannot be dated before {current.FormalSteps[^1].Step} ({current.FormalSteps[^1].On:yyyy-MM-dd}).");

        if (c.Step == FormalStep.PresidentsLetter)
        {
            var due = c.ViewsDueBy ?? DefaultViewsDueBy(c.On);
            if (due <= c.On)
                return new AssemblyDecision.Refused(AssemblyErrors.ViewsDueBeforeLetter,
                    "The State's views are asked for by a date after the letter.");
            return new AssemblyDecision.Accepted(
                current with { FormalSteps = [.. current.FormalSteps, new FormalStepRecord(c.Step, c.On, c.Document, due)] },
                "presidents-letter-sent",
                $"The President's letter asks the State for its views by {due:yyyy-MM-dd}.",
                DeadlineStarted: ViewsDeadline(due));
        }
        return new AssemblyDecision.Accepted(
            current with { FormalSteps = [.. current.FormalSteps, new FormalStepRecord(c.Step, c.On, c.Document)] },
            c.Step switch
            {
                FormalStep.EmergencyBureauMeeting => "emergency-bureau-meeting-held",
                FormalStep.BureauMeetingWithState => "bureau-met-the-state",
                FormalStep.PlenaryConsideration => "plenary-considered",
                _ => "bureau-reported",
            },
            c.Step switch
            {
                FormalStep.EmergencyBureauMeeting => "The Bureau met in emergency session on the referral.",
                FormalStep.BureauMeetingWithState => "The Bureau met the State concerned.",
                FormalStep.PlenaryConsideration => "The Assembly considered the matter in a public plenary, the State invited to speak.",
                _ => "The Bureau reported to the Assembly with its recommendations (para 14(e)).",
            });
    }

    private static AssemblyDecision Informal(AssemblyCaseSnapshot current, LogInformalAction c) => c.By switch
    {
        // The President is ex officio focal point for his or her region and offers good offices on any case (para 16).
        AssemblyActor.Presidency => new AssemblyDecision.Accepted(current, "informal-action-logged",
            $"{c.Kind} logged by the Presidency."),
        AssemblyActor.FocalPoint f when current.IsAssigned(f.Id) => new AssemblyDecision.Accepted(current, "informal-action-logged",
            $"{c.Kind} logged by a regional focal point."),
        _ => new AssemblyDecision.Refused(AssemblyErrors.NotAssigned,
            "A regional focal point acts on the cases the Presidency assigned to it.", Forbidden: true),
    };
}
