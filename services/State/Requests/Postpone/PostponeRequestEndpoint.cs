using Cooperation.Contracts.Requests;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.State.Configuration;
using Cooperation.State.Persistence;
using Cooperation.State.Requests.Lifecycle;
using Microsoft.Extensions.Options;
using Cooperation.State.Limits;

namespace Cooperation.State.Requests.Postpone;

/// <summary>Until: on Art 94, the end of the period the State proposes to the Court; ConditionsConsidered: Art 94(1).</summary>
public sealed record PostponeBody(PostponementGround? Ground, DateTimeOffset? Until, bool ConditionsConsidered = false);

public static class PostponeRequestEndpoint
{
    public static void MapPostponeRequestEndpoint(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/states/{code}/requests/{id:guid}/postpone",
                (string code, Guid id, PostponeBody body, StateDbContext db, IOutbox outbox, IOptions<StateOptions> state, TimeProvider clock, CancellationToken ct) =>
                    StateCommand.RunAsync(code, id, db, outbox, state.Value, clock, ct,
                        (_, now) => new RequestCommand.Postpone(body.Ground, body.Until, body.ConditionsConsidered),
                        (r, now) => new RequestPostponed
                        {
                            RequestId = r.Id, RequestVersion = r.Version, Classification = r.Classification, SentAt = now, Readers = r.Readers,
                            StateCode = state.Value.NormalizedCode,
                            Ground = body.Ground!.Value, Until = body.Until, ConditionsConsidered = body.ConditionsConsidered,
                        }))
            .WithStateInputLimits<PostponeBody>()
            .WithIdempotency()
            .Produces<Queries.ReceivedRequestView>(StatusCodes.Status200OK)
            .WithName("StatePostponeRequest")
            .WithSummary("Postpone execution on Art 89(2) (while consulting), 93(9)(a) or 95; on Art 94 propose a period, which the issuing organ agrees or answers with another.");
}
