using Cooperation.Requests;
using Cooperation.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cooperation.ServiceDefaults.Lifecycle;

public static class LifecycleProblems
{
    /// <summary>
    /// A refused transition as ProblemDetails: an incomplete request is 422 with every missing
    /// element; anything else the current state forbids is 409. Either way nothing was changed.
    /// The domain's messages name statuses and kinds only, never content.
    /// </summary>
    public static ProblemHttpResult ToProblem(this Decision.Refused refused)
    {
        if (refused.InvalidElements.Count > 0 || refused.Code == LifecycleErrors.RequestIncomplete)
            return Problems.Problems.Incomplete(Problems.Problems.Errors(refused.InvalidElements.Select(e => (e.Element, e.Problem))));

        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Type = ProblemTypes.Lifecycle(refused.Code),
            Title = "The request does not allow this now",
            Status = StatusCodes.Status409Conflict,
            Detail = refused.Message + " Nothing was changed.",
        };
        problem.Extensions["code"] = refused.Code;
        return TypedResults.Problem(problem);
    }
}
