using Cooperation.Requests.Competing;

namespace Cooperation.Proceedings.Competing;

/// <summary>
/// Art 90 as both parties read it on a request: the competing extradition request the State notified (90(1)), the
/// Court's admissibility determination with reference and date, and what the Statute makes of them now.
/// </summary>
public sealed record CompetingExtraditionView(
    string RequestingState,
    bool RequestingStateIsParty,
    bool SameConduct,
    bool ObligationToExtradite,
    DateOnly ReceivedOn,
    bool RequestingStateNotified,
    AdmissibilityDetermination? Determination,
    DateOnly? ExtraditionRefusedOn,
    CompetingPriority Priority,
    string Article)
{
    public static CompetingExtraditionView? From(CompetingExtradition? c) => c is null ? null : new(
        c.RequestingState, c.RequestingStateIsParty, c.SameConduct, c.ObligationToExtradite, c.ReceivedOn, c.RequestingStateNotified,
        c.Determination, c.ExtraditionRefusedOn, CompetingRequests.Priority(c), CompetingRequests.Article(c));
}
