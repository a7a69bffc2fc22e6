using Cooperation.Alerts;
using Cooperation.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cooperation.Court.Alerts;

internal static class AlertProblems
{
    /// <summary>A refused step on the board: 409 with the rule's stable code as the type; nothing was changed.</summary>
    public static ProblemHttpResult Refused(AlertDecision.Refused refused) =>
        Problems.Conflict(ProblemTypes.Lifecycle(refused.Code), "Not allowed on this alert now", refused.Message + " Nothing was changed.");
}
