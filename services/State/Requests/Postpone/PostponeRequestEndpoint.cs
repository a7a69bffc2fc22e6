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

/// <summary>Until: the end of the period agreed with the Court (Art 94).</summary>
public sealed record PostponeBody(PostponementGround? Ground, DateTimeOffset? Until);

public static class PostponeRequestEndpoint
{
    public static void MapPostponeRequestEndpoint(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/states/{code}/requests/{id:guid}/postpone",
                (string code, Guid id, PostponeBody body, StateDbContext db, IOutbox outbox, IOptions<StateOptions> state, TimeProvider clock, CancellationToken ct) =>
                    StateCommand.RunAsync(code, id, db, outbox, state.Value, clock, ct,
                        (_, now) => new RequestCommand.Postpone(body.Ground, body.Until),
                        (r, now) => new RequestPostponed
                        {
                            RequestId = r.Id, RequestVersion = r.Version, Classification = r.Classification, SentAt = now, Readers = r.Readers,
                            StateCode = state.Value.NormalizedCode,
                            Ground = body.Ground!.Value, Until = body.Until,
                        }))
            .WithStateInputLimits<PostponeBody>()
            .WithIdempotency()
            .WithName("PostponeRequestEndpoint")
            .WithSummary("Postpone execution, only on Art 89(2), 94 (with the agreed period) or 95.");
}
