using Cooperation.Court.Persistence;
using Cooperation.Court.Register.Notify;
using Cooperation.Court.Register.Queries;
using Cooperation.Contracts;
using Cooperation.Deadlines;
using Cooperation.Organs;
using Cooperation.Register;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Problems;
using Cooperation.Proceedings.Deadlines;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Court.Register.AgreeDate;

/// <summary>
/// RPE 180: a change takes effect "as agreed" between the Court and the State, else 45 days after the
/// Court receives it. A State only proposes a date (agreedEffectiveDate); the Registry agrees it here.
/// Until then the 45-day default governs. Accepted, the change takes effect at the start (UTC) of the
/// proposed day, never before the moment of acceptance; the pending 45-day deadline is replaced by one
/// on the agreed date, and the Prosecutor's copy of the register and the State's own view move with it.
/// </summary>
public static class AcceptProposedDateEndpoint
{
    public static void MapAcceptProposedDate(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/registry/register/states/{code}/designations/{id:guid}/accept-date", AcceptAsync)
            .WithIdempotency()
            .Produces<Queries.DesignationView>(StatusCodes.Status200OK)
            .WithName("RegistryAcceptProposedDate")
            .WithSummary("Agree the date a State proposed for its change of channel or language (RPE 180).");

    private static async Task<IResult> AcceptAsync(
        string code, Guid id, CourtDbContext db, IOutbox outbox, IDeadlineScheduler deadlines, TimeProvider clock, CancellationToken ct)
    {
        var state = code.ToUpperInvariant();
        var record = await db.ChannelDesignations.SingleOrDefaultAsync(d => d.Id == id && d.StateCode == state, ct);
        if (record is null) return Problems.NotFound("designation of that State");
        if (record.DateAgreedAt is not null)
            return Problems.Conflict(ProblemTypes.Lifecycle("date-already-agreed"), "The date is already agreed",
                "This change's effective date was agreed before; the State notifies a new change to propose another.");
        if (record.ProposedEffectiveDate is not { } proposed)
            return Problems.Conflict(ProblemTypes.Lifecycle("no-proposed-date"), "The State proposed no date",
                "Without a proposed date the change takes effect 45 days after receipt (RPE 180).");

        var now = clock.GetUtcNow();
        if (!ChannelRegister.CanBeAgreed(proposed, now))
            return Problems.Incomplete(Problems.Errors([("proposedEffectiveDate",
                $"The proposed date {proposed:yyyy-MM-dd} has passed; the 45-day default governs (RPE 180).")]));

        // The default's deadline no longer falls: the change takes effect on the agreed day instead.
        var pending = await db.Deadlines
            .Where(d => d.Kind == DeadlineKind.ChannelChangeEffective && d.StateCode == state && d.FiredAt == null && d.CancelledAt == null)
            .ToListAsync(ct);
        foreach (var deadline in pending.Where(d => d.DueAt == record.EffectiveFrom)) deadline.CancelledAt = now;

        record.EffectiveFrom = ChannelRegister.EffectiveFrom(now, proposed);
        record.DateAgreedAt = now;
        deadlines.Schedule(Deadline.ChannelChange(StateCode.Parse(state), now, proposed), NotifyChannelChangeConsumer.ChannelChangeAudience(state));
        outbox.Send(new Uri($"exchange:{Addresses.ProsecutorQueue}"), RegisterMessages.Changed(state, record.Id, record.ToDomain(), now));
        // The State proposed the date: it is told at once that it is agreed, and from when the change governs.
        outbox.Send(Addresses.ToState(state), RegisterMessages.Changed(state, record.Id, record.ToDomain(), now, proposed, now));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(DesignationView.Of(record));
    }
}
