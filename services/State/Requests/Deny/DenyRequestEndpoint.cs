using Cooperation.Contracts.Requests;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.State.Configuration;
using Cooperation.State.Persistence;
using Cooperation.State.Requests.Lifecycle;
using Microsoft.Extensions.Options;
using Cooperation.State.Limits;

namespace Cooperation.State.Requests.Deny;

/// <summary>Art 93(6): a denial states its reasons. ConditionsConsidered: Art 93(5) for (l)-assistance.</summary>
public sealed record DenyBody(DenialGround? Ground, string? Reasons, bool ConditionsConsidered);

public static class DenyRequestEndpoint
{
    public static void MapDenyRequestEndpoint(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/states/{code}/requests/{id:guid}/deny",
                (string code, Guid id, DenyBody body, StateDbContext db, IOutbox outbox, IOptions<StateOptions> state, TimeProvider clock, CancellationToken ct) =>
                    StateCommand.RunAsync(code, id, db, outbox, state.Value, clock, ct,
                        (_, now) => new RequestCommand.Deny(body.Ground, body.Reasons, body.ConditionsConsidered),
                        (r, now) => new RequestDenied
                        {
                            RequestId = r.Id, RequestVersion = r.Version, Classification = r.Classification, SentAt = now, Readers = r.Readers,
                            StateCode = state.Value.NormalizedCode,
                            Ground = body.Ground!.Value, Reasons = body.Reasons!, ConditionsConsidered = body.ConditionsConsidered,
                        }))
            .WithStateInputLimits<DenyBody>()
            .WithIdempotency()
            .WithName("DenyRequestEndpoint")
            .WithSummary("Deny, only on Art 93(4) national security or Art 93(5), always with reasons (Art 93(6)); never an arrest request.");
}
