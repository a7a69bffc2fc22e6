using Cooperation.Requests;
using Cooperation.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cooperation.Proceedings.Lifecycle;

public static class LifecycleProblems
{
    /// <summary>
    /// A refused transition as ProblemDetails: an incomplete request is 422 with every missing
    /// element; anything else the current state forbids is 409. Either way nothing was changed.
    /// The domain's messages name statuses and kinds only, never content.
    /// </summary>
    public static ProblemHttpResult ToProblem(this Decision.Refused refused)
    {
        var errors = Problems.Errors(refused.InvalidElements.Select(e => (e.Element, e.Problem)));
        if (refused.Code == LifecycleErrors.RequestIncomplete) return Problems.Incomplete(errors);
        if (errors.Count > 0)
        {
            // e.g. a denial without reasons (Art 93(6)): the command is well formed but lacks what the law needs.
            var invalid = new HttpValidationProblemDetails(errors)
            {
                Type = ProblemTypes.Lifecycle(refused.Code),
                Title = "The command lacks what the law requires",
                Status = StatusCodes.Status422UnprocessableEntity,
                Detail = refused.Message + " Nothing was changed.",
            };
            invalid.Extensions["code"] = refused.Code;
            return TypedResults.Problem(invalid);
        }

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
