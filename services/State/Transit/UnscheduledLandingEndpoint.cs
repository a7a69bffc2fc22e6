using Cooperation.Contracts;
using Cooperation.Deadlines;
using Cooperation.Organs;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Problems;
using Cooperation.Proceedings.Deadlines;
using Cooperation.State.Configuration;
using Cooperation.State.Persistence;
using Microsoft.Extensions.Options;
using Cooperation.State.Limits;

namespace Cooperation.State.Transit;

/// <summary>When the unscheduled landing happened (UTC).</summary>
public sealed record UnscheduledLandingBody(DateTimeOffset? LandedAt);

public static class UnscheduledLandingEndpoint
{
    /// <summary>
    /// Art 89(3)(e): after an unscheduled landing the person may be detained until the transit request
    /// is received, for at most 96 hours. The State keeps that durable timer; its reminders (24 h and 6 h
    /// before) and its miss go to the issuing organ too.
    /// </summary>
    public static void MapUnscheduledLanding(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/states/{code}/requests/{id:guid}/transit/unscheduled-landing", ReportAsync)
            .WithStateInputLimits<UnscheduledLandingBody>()
            .WithIdempotency()
            .WithName("ReportUnscheduledLanding")
            .WithSummary("Report an unscheduled landing: the 96-hour detention cap of Art 89(3)(e) starts.");

    private static readonly TimeSpan[] Reminders = [TimeSpan.FromHours(24), TimeSpan.FromHours(6)];

    private static async Task<IResult> ReportAsync(
        string code, Guid id, UnscheduledLandingBody body, StateDbContext db, IDeadlineScheduler deadlines,
        IOptions<StateOptions> state, TimeProvider clock, CancellationToken ct)
    {
        var own = state.Value.NormalizedCode;
        if (!string.Equals(code, own, StringComparison.OrdinalIgnoreCase)) return Problems.NotFound("request");
        if (body.LandedAt is not { } landedAt || landedAt > clock.GetUtcNow())
            return Problems.Invalid(new Dictionary<string, string[]> { ["landedAt"] = ["Required: when the landing happened, not in the future."] });
        var request = await db.Requests.FindAsync([id], ct);
        if (request is null) return Problems.NotFound("request");
        if (request.Kind != RequestKind.Transit)
            return Problems.Conflict(ProblemTypes.IllegalTransition, "Not a transit request",
                $"A {request.Kind} request has no transit detention; nothing was changed.");

        var deadline = Deadline.TransitDetention(landedAt, id) with { State = StateCode.Parse(own) };
        var audience = new DeadlineAudience(Organ.State, [Addresses.FromStateTo(own, request.IssuingOrgan)], request.Classification, request.Version);
        var deadlineId = deadlines.Schedule(deadline, audience, Reminders);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/states/{own}/requests/{id}/deadlines", new { deadlineId, kind = deadline.Kind, dueAt = deadline.DueAt });
    }
}
