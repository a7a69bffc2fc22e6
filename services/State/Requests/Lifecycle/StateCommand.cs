using Cooperation.Contracts;
using Cooperation.Requests;
using Cooperation.Proceedings.Lifecycle;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Problems;
using Cooperation.State.Configuration;
using Cooperation.State.Persistence;
using Cooperation.State.Requests.Queries;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.State.Requests.Lifecycle;

/// <summary>
/// The shape of every State command on a request: only this State's own requests (another code or
/// an unknown id is 404), the lifecycle decides (409/422, nothing changed, if refused), the
/// issuing organ is told through this State's own outbound exchange, all in one commit.
/// </summary>
public static class StateCommand
{
    public static Task<IResult> RunAsync(
        string code, Guid id, StateDbContext db, IOutbox outbox, StateOptions state, TimeProvider clock, CancellationToken ct,
        Func<ReceivedRequest, DateTimeOffset, RequestCommand> command,
        Func<ReceivedRequest, DateTimeOffset, object> messageToOrgan)
    {
        var own = state.NormalizedCode;
        if (!string.Equals(code, own, StringComparison.OrdinalIgnoreCase)) return Task.FromResult<IResult>(Problems.NotFound("request"));
        return ConcurrentChange.RetryAsync(db, async () =>
        {
            var request = await db.Requests.Include(r => r.History).SingleOrDefaultAsync(r => r.Id == id, ct);
            if (request is null) return Problems.NotFound("request");

            var now = clock.GetUtcNow();
            if (request.Apply(command(request, now), $"state:{own}", now) is Decision.Refused refused)
                return refused.ToProblem();
            outbox.Send(Addresses.FromStateTo(own, request.IssuingOrgan), messageToOrgan(request, now));
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(ReceivedRequestView.From(request));
        });
    }
}
