using Cooperation.Contracts.Requests;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.State.Configuration;
using Cooperation.State.Persistence;
using Cooperation.State.Requests.Lifecycle;
using Microsoft.Extensions.Options;

namespace Cooperation.State.Requests.Postpone;

public static class ResumeRequestEndpoint
{
    public static void MapResumeRequestEndpoint(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/states/{code}/requests/{id:guid}/resume",
                (string code, Guid id, StateDbContext db, IOutbox outbox, IOptions<StateOptions> state, TimeProvider clock, CancellationToken ct) =>
                    StateCommand.RunAsync(code, id, db, outbox, state.Value, clock, ct,
                        (_, now) => new RequestCommand.Resume(),
                        (r, now) => new RequestResumed
                        {
                            RequestId = r.Id, RequestVersion = r.Version, Classification = r.Classification, SentAt = now, Readers = r.Readers,
                            StateCode = state.Value.NormalizedCode,
                        }))
            .WithIdempotency()
            .Produces<Queries.ReceivedRequestView>(StatusCodes.Status200OK)
            .WithName("StateResumeRequest")
            .WithSummary("A postponed request is executed again; the issuing organ is told.");
}
