using Cooperation.Contracts;
using Cooperation.Court.Persistence;
using Cooperation.Court.Requests.Queries;
using Cooperation.Requests;
using Cooperation.Proceedings.Lifecycle;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Court.Requests.Lifecycle;

/// <summary>
/// The shape of every issuing-organ command on a request: load it (404 if this organ did not
/// issue it), ask the lifecycle (409/422 and nothing changed if refused), tell the State through
/// its own queue, commit both together.
/// </summary>
internal static class CourtCommand
{
    public static Task<IResult> RunAsync(
        CourtOrgan organ, Guid id, CourtDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken ct,
        Func<CooperationRequest, DateTimeOffset, RequestCommand> command,
        Func<CooperationRequest, DateTimeOffset, object> messageToState)
        => ConcurrentChange.RetryAsync(db, async () =>
        {
            var request = await db.Requests.Include(r => r.History)
                .SingleOrDefaultAsync(r => r.Id == id && r.IssuingOrgan == organ.Organ, ct);
            if (request is null) return Problems.NotFound("request");

            var now = clock.GetUtcNow();
            if (request.Apply(command(request, now), organ.Organ.ToString().ToLowerInvariant(), now) is Decision.Refused refused)
                return refused.ToProblem();
            outbox.Send(Addresses.ToState(request.StateCode), messageToState(request, now));
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(RequestView.From(request));
        });
}
