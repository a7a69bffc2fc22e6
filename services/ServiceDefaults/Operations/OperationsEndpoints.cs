using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cooperation.ServiceDefaults.Operations;

/// <summary>The failed message sent back to its input queue, by its id.</summary>
public sealed record ReplayedMessage(string Replayed);

/// <summary>
/// Operator tooling for failed messages, under /operations/ (scope operator, checked here and at
/// the gateway's /operations/{service}/ routes). See README, "Operating: failed messages".
/// </summary>
public static class OperationsEndpoints
{
    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/operations/error-queue").RequireAuthorization(Auth.OperatorPolicy.Name).WithTags("Operations");

        group.MapGet("", async Task<IResult> (int? limit, ErrorQueueBrowser browser, CancellationToken ct) =>
                TypedResults.Ok(await browser.ListAsync(Math.Clamp(limit ?? 50, 1, ErrorQueueBrowser.MaxBrowse), ct)))
            .Produces<ErrorQueuePage>(StatusCodes.Status200OK)
            .WithName("ListErrorQueue")
            .WithSummary("Messages that failed after their retries, oldest first: ids, type and fault reason (never the body).");

        group.MapGet("/{messageId}", async Task<IResult> (string messageId, ErrorQueueBrowser browser, CancellationToken ct) =>
                await browser.FindAsync(messageId, ct) is { } message ? TypedResults.Ok(message) : Problems.Problems.NotFound("failed message"))
            .Produces<ErrorQueueMessage>(StatusCodes.Status200OK)
            .WithName("InspectErrorQueueMessage")
            .WithSummary("One failed message with all its transport headers (the fault reason included), never its body.");

        group.MapPost("/{messageId}/replay", async Task<IResult> (string messageId, ErrorQueueBrowser browser, CancellationToken ct) =>
                await browser.ReplayAsync(messageId, ct) switch
                {
                    ReplayOutcome.Replayed => TypedResults.Ok(new ReplayedMessage(messageId)),
                    ReplayOutcome.NotFound => Problems.Problems.NotFound("failed message"),
                    _ => Problems.Problems.Conflict(ProblemTypes.ReplayNotPermitted, "This service may not replay into its own queue",
                        "Its broker user has no write right on its input exchange (a State's user reads its queue only); " +
                        "an operator with broker rights moves the message instead. Nothing was changed."),
                })
            .WithIdempotency()
            .Produces<ReplayedMessage>(StatusCodes.Status200OK)
            .WithName("ReplayErrorQueueMessage")
            .WithSummary("Sends a failed message back to its input queue (same message id: the inbox absorbs a duplicate).");

        return routes;
    }
}
