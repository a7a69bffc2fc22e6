using Cooperation.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Proceedings.Lifecycle;

public static class ConcurrentChange
{
    private const int Attempts = 3;

    /// <summary>
    /// Runs a command on a request again, from a fresh read, when another change to the same request
    /// (a consumer, another instance) was saved first: the request's concurrency token refused the
    /// write, so nothing of this attempt was kept. After a few attempts it answers 503 with Retry-After,
    /// which an Idempotency-Key does not pin (only final answers are stored).
    /// </summary>
    public static async Task<IResult> RetryAsync(DbContext db, Func<Task<IResult>> attempt)
    {
        for (var i = 1; ; i++)
        {
            try
            {
                return await attempt();
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                if (i == Attempts) return Busy();
            }
        }
    }

    private static IResult Busy() => new BusyResult();

    private sealed class BusyResult : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.Headers.RetryAfter = "1";
            return TypedResults.Problem(
                type: ProblemTypes.Unavailable,
                title: "The request is being changed by another operation",
                statusCode: StatusCodes.Status503ServiceUnavailable,
                detail: "Nothing was changed. Retry the command (with the same Idempotency-Key).").ExecuteAsync(context);
        }
    }
}
