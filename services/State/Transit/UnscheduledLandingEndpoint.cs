using Cooperation.Confidentiality;
using Cooperation.Contracts;
using Cooperation.Contracts.Transit;
using Cooperation.Deadlines;
using Cooperation.Organs;
using Cooperation.Requests.Transit;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Problems;
using Cooperation.Proceedings.Deadlines;
using Cooperation.State.Configuration;
using Cooperation.State.Persistence;
using Microsoft.Extensions.Options;
using Cooperation.State.Limits;

namespace Cooperation.State.Transit;

/// <summary>
/// What the transit State knows of an unscheduled landing: when it happened (UTC), and what it can tell of the
/// person and the warrant. Classification: Confidential unless given.
/// </summary>
public sealed record UnscheduledLandingBody(
    DateTimeOffset? LandedAt, string? PersonDescription, string? WarrantReference, Classification? Classification);

public static class UnscheduledLandingEndpoint
{
    private const string Prefix = "/states/{code}/transit/unscheduled-landings";

    /// <summary>
    /// Art 89(3)(e), RPE 182: an unscheduled landing is reported WITHOUT a transit request (there is none yet);
    /// the report asks the Registry for one. The person may be detained until it is received, for at most 96
    /// hours: the State keeps that durable timer, its reminders (24 h and 6 h before) and its miss going to the
    /// Registry too. A transit request naming the landing (contents.unscheduledLandingId) received within the 96
    /// hours ends the cap; otherwise the person is released (RPE 182(2)), without prejudice to a later arrest.
    /// </summary>
    public static void MapUnscheduledLanding(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(Prefix, ReportAsync)
            .WithStateInputLimits<UnscheduledLandingBody>()
            .WithIdempotency()
            .Produces<UnscheduledLandingView>(StatusCodes.Status201Created)
            .WithName("ReportUnscheduledLanding")
            .WithSummary("Report an unscheduled landing (no transit request needed): the 96-hour cap of Art 89(3)(e) starts and the Registry is asked for a transit request.");
        routes.MapGet(Prefix + "/{lid:guid}", async Task<IResult> (string code, Guid lid, StateDbContext db, IOptions<StateOptions> state,
                TimeProvider clock, CancellationToken ct) =>
            {
                if (!string.Equals(code, state.Value.NormalizedCode, StringComparison.OrdinalIgnoreCase)) return Problems.NotFound("landing");
                var landing = await db.UnscheduledLandings.FindAsync([lid], ct);
                return landing is null ? Problems.NotFound("landing") : TypedResults.Ok(UnscheduledLandingView.From(landing, clock.GetUtcNow()));
            })
            .Produces<UnscheduledLandingView>(StatusCodes.Status200OK)
            .WithName("StateUnscheduledLanding");
        routes.MapPost(Prefix + "/{lid:guid}/release", (string code, Guid lid, StateDbContext db, IOutbox outbox, IDeadlineScheduler deadlines,
                    IOptions<StateOptions> state, TimeProvider clock, CancellationToken ct) =>
                StepAsync(code, lid, now => new LandingCommand.ReleaseAtCap(now), db, outbox, deadlines, state.Value, clock, ct))
            .WithIdempotency()
            .Produces<UnscheduledLandingView>(StatusCodes.Status200OK)
            .WithName("ReleaseAfterUnscheduledLanding")
            .WithSummary("RPE 182(2): the 96 hours ran out without the transit request; record the release (without prejudice to a later arrest).");
        routes.MapPost(Prefix + "/{lid:guid}/transit-effected", (string code, Guid lid, StateDbContext db, IOutbox outbox, IDeadlineScheduler deadlines,
                    IOptions<StateOptions> state, TimeProvider clock, CancellationToken ct) =>
                StepAsync(code, lid, now => new LandingCommand.RecordTransitEffected(now), db, outbox, deadlines, state.Value, clock, ct))
            .WithIdempotency()
            .Produces<UnscheduledLandingView>(StatusCodes.Status200OK)
            .WithName("TransitEffectedAfterUnscheduledLanding")
            .WithSummary("The person was transported on after the transit request came.");
    }

    private static readonly TimeSpan[] Reminders = [TimeSpan.FromHours(24), TimeSpan.FromHours(6)];

    private static async Task<IResult> ReportAsync(
        string code, UnscheduledLandingBody body, StateDbContext db, IOutbox outbox, IDeadlineScheduler deadlines,
        IOptions<StateOptions> state, TimeProvider clock, CancellationToken ct)
    {
        var own = state.Value.NormalizedCode;
        if (!string.Equals(code, own, StringComparison.OrdinalIgnoreCase)) return Problems.NotFound("state");
        var now = clock.GetUtcNow();
        var errors = new List<(string, string)>();
        if (body.LandedAt is not { } landedAt || landedAt > now)
        {
            errors.Add(("landedAt", "Required: when the landing happened, not in the future."));
            landedAt = default;
        }
        if (body.PersonDescription is { Length: > 2000 }) errors.Add(("personDescription", "At most 2000 characters."));
        if (body.WarrantReference is { Length: > 200 }) errors.Add(("warrantReference", "At most 200 characters."));
        if (body.Classification is { } c && !Enum.IsDefined(c)) errors.Add(("classification", "Public, Confidential, UnderSeal or ExParte."));
        if (errors.Count > 0) return Problems.Invalid(Problems.Errors(errors));

        var snapshot = UnscheduledLanding.Report(landedAt.ToUniversalTime());
        var landing = new UnscheduledLandingRecord
        {
            Id = Guid.CreateVersion7(),
            ReportedAt = now,
            Classification = body.Classification ?? Classification.Confidential,
            PersonDescription = body.PersonDescription,
            WarrantReference = body.WarrantReference,
        };
        landing.Apply(snapshot, "unscheduled-landing-reported");
        db.UnscheduledLandings.Add(landing);

        // Transit requests are the Chambers' requests, which the Registry transmits (RPE 176(2)).
        var registry = Addresses.FromStateTo(own, Organ.Registry);
        var deadline = Deadline.TransitDetention(snapshot.LandedAt, landing.Id) with { State = StateCode.Parse(own) };
        deadlines.Schedule(deadline, new DeadlineAudience(Organ.State, [registry], landing.Classification, 0), Reminders);
        outbox.Send(registry, new UnscheduledLandingReported
        {
            Classification = landing.Classification, SentAt = now, Readers = [], StateCode = own, LandingId = landing.Id,
            LandedAt = landing.LandedAt, DetentionEndsAt = landing.DetentionEndsAt,
            PersonDescription = landing.PersonDescription, WarrantReference = landing.WarrantReference,
        });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/states/{own}/transit/unscheduled-landings/{landing.Id}", UnscheduledLandingView.From(landing, now));
    }

    private static async Task<IResult> StepAsync(
        string code, Guid lid, Func<DateTimeOffset, LandingCommand> command, StateDbContext db, IOutbox outbox, IDeadlineScheduler deadlines,
        StateOptions state, TimeProvider clock, CancellationToken ct)
    {
        var own = state.NormalizedCode;
        if (!string.Equals(code, own, StringComparison.OrdinalIgnoreCase)) return Problems.NotFound("landing");
        var landing = await db.UnscheduledLandings.FindAsync([lid], ct);
        if (landing is null) return Problems.NotFound("landing");
        var now = clock.GetUtcNow();
        if (await AdvanceAsync(landing, command(now), own, now, outbox, deadlines, ct) is LandingDecision.Refused refused)
            return Problems.Conflict(ProblemTypes.Lifecycle(refused.Code), "Not allowed for this landing now", refused.Message + " Nothing was changed.");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(UnscheduledLandingView.From(landing, now));
    }

    /// <summary>Decides one step; if accepted, stores it, ends the 96-hour timer when it no longer runs, and tells the Registry.</summary>
    public static async Task<LandingDecision> AdvanceAsync(
        UnscheduledLandingRecord landing, LandingCommand command, string own, DateTimeOffset now, IOutbox outbox, IDeadlineScheduler deadlines,
        CancellationToken ct)
    {
        var decision = UnscheduledLanding.Decide(landing.ToSnapshot(), command);
        if (decision is not LandingDecision.Accepted accepted) return decision;
        landing.Apply(accepted.Snapshot, accepted.Event);
        if (accepted.CapEnded) await deadlines.CancelAsync(DeadlineKind.TransitDetention, landing.Id, ct: ct);
        outbox.Send(Addresses.FromStateTo(own, Organ.Registry), new UnscheduledLandingAdvanced
        {
            Classification = landing.Classification, SentAt = now, Readers = [], StateCode = own, LandingId = landing.Id,
            Event = accepted.Event, Status = accepted.Snapshot.Status, TransitRequestId = accepted.Snapshot.TransitRequestId, At = now,
        });
        return decision;
    }
}
