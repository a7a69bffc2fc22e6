using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cooperation.ServiceDefaults.Problems;

/// <summary>The one error shape: ProblemDetails (RFC 9457).</summary>
public static class Problems
{
    /// <summary>404 without saying whether the id exists elsewhere (ids reveal nothing).</summary>
    public static ProblemHttpResult NotFound(string what) => TypedResults.Problem(NotFoundProblem(what));

    public static ProblemDetails NotFoundProblem(string what) => new()
    {
        Type = ProblemTypes.NotFound,
        Title = "Not found",
        Status = StatusCodes.Status404NotFound,
        Detail = $"There is no {what} with that id here.",
    };

    /// <summary>401: no token, or one that is forged, expired, for another audience or unreadable. Which, is not said.</summary>
    public static ProblemDetails Unauthorized() => new()
    {
        Type = ProblemTypes.Unauthorized,
        Title = "Authentication required",
        Status = StatusCodes.Status401Unauthorized,
        Detail = "Send a valid access token from /connect/token as 'Authorization: Bearer <token>'.",
    };

    /// <summary>403: a valid token without the scope this resource needs.</summary>
    public static ProblemDetails Forbidden() => new()
    {
        Type = ProblemTypes.Forbidden,
        Title = "Not allowed",
        Status = StatusCodes.Status403Forbidden,
        Detail = "The access token does not grant the scope this resource needs.",
    };

    /// <summary>429: this client (or this address, without a token) sent too many requests.</summary>
    public static ProblemDetails RateLimited(TimeSpan? retryAfter) => new()
    {
        Type = ProblemTypes.RateLimited,
        Title = "Too many requests",
        Status = StatusCodes.Status429TooManyRequests,
        Detail = retryAfter is { } wait
            ? $"Retry after {Math.Ceiling(wait.TotalSeconds)} seconds (see Retry-After)."
            : "Retry later (see Retry-After).",
    };

    /// <summary>413: the body is larger than the gateway or service accepts.</summary>
    public static ProblemDetails PayloadTooLarge(long? limit = null) => new()
    {
        Type = ProblemTypes.PayloadTooLarge,
        Title = "The request body is too large",
        Status = StatusCodes.Status413PayloadTooLarge,
        Detail = limit is { } bytes ? $"At most {bytes} bytes are accepted." : null,
    };

    /// <summary>504: the service behind the gateway did not answer in time. The command may or may not have been applied.</summary>
    public static ProblemDetails GatewayTimeout() => new()
    {
        Type = ProblemTypes.Timeout,
        Title = "The service did not answer in time",
        Status = StatusCodes.Status504GatewayTimeout,
        Detail = "Check the resource's state before retrying; POSTs honour Idempotency-Key.",
    };

    /// <summary>502/503: the service behind the gateway could not be reached.</summary>
    public static ProblemDetails BadGateway(int status = StatusCodes.Status502BadGateway) => new()
    {
        Type = status == StatusCodes.Status503ServiceUnavailable ? ProblemTypes.Unavailable : ProblemTypes.BadGateway,
        Title = "The service behind the gateway is unavailable",
        Status = status,
        Detail = "Retry later; quote the trace id if it persists.",
    };

    /// <summary>400: the body is readable but some fields are invalid; every invalid field is listed.</summary>
    public static ProblemHttpResult Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Type = ProblemTypes.Validation,
            Title = "One or more fields are invalid",
            Status = StatusCodes.Status400BadRequest,
        });

    /// <summary>422: the body is well formed but some fields or lists exceed their caps; every one is listed, never its value.</summary>
    public static ProblemHttpResult LimitExceeded(IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Type = ProblemTypes.LimitExceeded,
            Title = "One or more fields exceed their limits",
            Status = StatusCodes.Status422UnprocessableEntity,
            Detail = "Every field over its limit is listed under 'errors'. Nothing was changed.",
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
