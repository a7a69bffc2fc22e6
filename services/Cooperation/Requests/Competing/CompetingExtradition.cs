namespace Cooperation.Requests.Competing;

/// <summary>
/// Art 90(1): the requested State received, besides the Court's request for surrender, a request from another State
/// for the extradition of the same person, and notified the Court (and the requesting State) of that fact.
/// <paramref name="SameConduct"/>: the extradition concerns the conduct that forms the basis of the crime for which the
/// Court seeks surrender (90(1)-(6)); otherwise 90(7) applies. <paramref name="ObligationToExtradite"/>: the requested
/// State is under an existing international obligation to extradite the person to the requesting State (90(4), 90(6), 90(7)).
/// </summary>
public sealed record CompetingExtradition(
    string RequestingState,
    bool RequestingStateIsParty,
    bool SameConduct,
    bool ObligationToExtradite,
    DateOnly ReceivedOn,
    bool RequestingStateNotified)
{
    /// <summary>The Court's determination of admissibility (Art 18, 19) that 90(2)-(6) turn on, with its reference and date.</summary>
    public AdmissibilityDetermination? Determination { get; init; }
    /// <summary>Art 90(8): after an inadmissibility determination, extradition to the requesting State was refused.</summary>
    public DateOnly? ExtraditionRefusedOn { get; init; }
}

/// <summary>The Court's admissibility decision on the case, recorded with its reference and date (Art 90(2)(b), 90(3)).</summary>
public sealed record AdmissibilityDetermination(bool Admissible, string Reference, DateOnly On);

/// <summary>What Art 90 says the requested State does with the two requests.</summary>
public enum CompetingPriority
{
    /// <summary>Art 90(2), 90(4), 90(7)(a): priority to the Court's request; the person is not extradited instead.</summary>
    CourtRequest,
    /// <summary>
    /// Art 90(3): requesting State a Party, no determination yet: the State may proceed with the extradition request
    /// but shall not extradite until the Court has determined the case inadmissible.
    /// </summary>
    AwaitingDetermination,
    /// <summary>Art 90(3) after an inadmissibility determination, 90(5): the State may proceed with the extradition.</summary>
    StateMayExtradite,
    /// <summary>
    /// Art 90(6), 90(7)(b): an existing international obligation to extradite: the State determines whether to surrender
    /// or extradite, considering all relevant factors (dates, the requesting State's interests, later surrender;
    /// for different conduct, also the relative nature and gravity).
    /// </summary>
    StateDetermines,
}

public static class CompetingRequests
{
    /// <summary>The priority Art 90(2)-(8) gives, from the notice and any determination of the Court.</summary>
    public static CompetingPriority Priority(CompetingExtradition c)
    {
        ArgumentNullException.ThrowIfNull(c);
        // Art 90(8): extradition was refused after all; only the Court's request remains.
        if (c.ExtraditionRefusedOn is not null) return CompetingPriority.CourtRequest;
        // Art 90(7): different conduct: the Court first unless an existing obligation to extradite.
        if (!c.SameConduct)
            return c.ObligationToExtradite ? CompetingPriority.StateDetermines : CompetingPriority.CourtRequest;
        var admissible = c.Determination?.Admissible;
        if (c.RequestingStateIsParty)
            return admissible switch
            {
                true => CompetingPriority.CourtRequest,             // 90(2)
                false => CompetingPriority.StateMayExtradite,       // 90(3), after the inadmissibility determination
                null => CompetingPriority.AwaitingDetermination,    // 90(3)
            };
        // Requesting State not a Party: 90(4)-(6). Not (yet) determined admissible: 90(5), the State may deal with the
        // extradition request (our reading: including extraditing).
        if (admissible != true) return CompetingPriority.StateMayExtradite;
        return c.ObligationToExtradite ? CompetingPriority.StateDetermines : CompetingPriority.CourtRequest; // 90(6), 90(4)
    }

    /// <summary>The article behind <see cref="Priority"/>, for views and refusals.</summary>
    public static string Article(CompetingExtradition c) => c switch
    {
        { ExtraditionRefusedOn: not null } => "Art 90(8)",
        { SameConduct: false } => c.ObligationToExtradite ? "Art 90(7)(b)" : "Art 90(7)(a)",
        { RequestingStateIsParty: true } => c.Determination?.Admissible == true ? "Art 90(2)" : "Art 90(3)",
        _ => c.Determination?.Admissible == true ? (c.ObligationToExtradite ? "Art 90(6)" : "Art 90(4)") : "Art 90(5)",
    };
}
