using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Cooperation.ServiceDefaults.Problems;

/// <summary>
/// Turns unreadable bodies into 400 and anything unexpected into a 500 ProblemDetails carrying
/// only a trace id: no stack trace, no exception text (it could quote request content).
/// </summary>
internal sealed class ExceptionProblemHandler(IProblemDetailsService problems, ILogger<ExceptionProblemHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        if (exception is BadHttpRequestException bad)
        {
            problem = bad.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => new ProblemDetails
                {
                    Type = ProblemTypes.PayloadTooLarge,
                    Title = "The request body is too large",
                    Status = StatusCodes.Status413PayloadTooLarge,
                },
                StatusCodes.Status415UnsupportedMediaType => new ProblemDetails
                {
                    Type = ProblemTypes.UnsupportedMediaType,
                    Title = "Unsupported content type",
                    Status = StatusCodes.Status415UnsupportedMediaType,
                    Detail = "Request bodies are JSON in UTF-8: send Content-Type: application/json.",
                },
                _ => new ProblemDetails
                {
                    Type = ProblemTypes.MalformedBody,
                    Title = "The request body could not be read",
                    Status = bad.StatusCode,
                    Detail = DescribeUnreadableBody(bad),
                },
            };
            logger.LogInformation("Refused an unreadable request body ({Status})", bad.StatusCode);
        }
        else
        {
            // Log the exception type only: its message could quote sealed content.
            logger.LogError("Unhandled {ExceptionType} while serving a request", exception.GetType().FullName);
            problem = new ProblemDetails
            {
                Type = ProblemTypes.Unexpected,
                Title = "An unexpected error occurred",
                Status = StatusCodes.Status500InternalServerError,
                Detail = "Nothing was changed. Quote the trace id when reporting this.",
            };
        }

        context.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = null,
        });
    }

    // The JSON path of the first unreadable element is safe to show; the value never is.
    private static string DescribeUnreadableBody(BadHttpRequestException bad) =>
        bad.InnerException is JsonException { Path: { } path }
            ? $"The JSON is malformed or has a wrong type, an unknown value or an unknown field at '{path}'."
            : "The body must be a JSON object matching the documented shape.";
}
