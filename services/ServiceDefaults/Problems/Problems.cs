using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cooperation.ServiceDefaults.Problems;

/// <summary>The one error shape: ProblemDetails (RFC 9457).</summary>
public static class Problems
{
    /// <summary>404 without saying whether the id exists elsewhere (ids reveal nothing).</summary>
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(
            type: ProblemTypes.NotFound,
            title: "Not found",
            statusCode: StatusCodes.Status404NotFound,
            detail: $"There is no {what} with that id here.");

    /// <summary>400: the body is readable but some fields are invalid; every invalid field is listed.</summary>
    public static ProblemHttpResult Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Type = ProblemTypes.Validation,
            Title = "One or more fields are invalid",
            Status = StatusCodes.Status400BadRequest,
        });

    /// <summary>422: the request is well formed but the law needs more before it can leave Draft.</summary>
    public static ProblemHttpResult Incomplete(IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Type = ProblemTypes.IncompleteRequest,
            Title = "The request is incomplete",
            Status = StatusCodes.Status422UnprocessableEntity,
            Detail = "Every missing or invalid element is listed under 'errors'.",
        });

    /// <summary>409: the command is not allowed in the current state; nothing was changed.</summary>
    public static ProblemHttpResult Conflict(string type, string title, string detail) =>
        TypedResults.Problem(type: type, title: title, statusCode: StatusCodes.Status409Conflict, detail: detail);

    public static Dictionary<string, string[]> Errors(IEnumerable<(string Field, string Problem)> problems) =>
        problems.GroupBy(p => p.Field)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Problem).ToArray());
}
