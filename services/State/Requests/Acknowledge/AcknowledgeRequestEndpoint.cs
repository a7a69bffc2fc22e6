using Cooperation.Contracts.Requests;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.State.Configuration;
using Cooperation.State.Persistence;
using Cooperation.State.Requests.Lifecycle;
using Microsoft.Extensions.Options;
using Cooperation.State.Limits;

namespace Cooperation.State.Requests.Acknowledge;

/// <summary>Who at the State accepted the request: an office or system name, not a person's.</summary>
public sealed record AcknowledgeBody(string? AcknowledgedBy);

public static class AcknowledgeRequestEndpoint
{
    public static void MapAcknowledgeRequest(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/states/{code}/requests/{id:guid}/acknowledge",
                (string code, Guid id, AcknowledgeBody? body, StateDbContext db, IOutbox outbox, IOptions<StateOptions> state,
                    TimeProvider clock, CancellationToken ct) =>
                    StateCommand.RunAsync(code, id, db, outbox, state.Value, clock, ct,
                        (_, now) => new RequestCommand.Acknowledge(now, body?.AcknowledgedBy ?? ""),
                        (r, now) =>
                        {
                            r.AcknowledgedAt = now;
                            r.AcknowledgedBy = body?.AcknowledgedBy;
                            return new RequestAcknowledged
                            {
                                RequestId = r.Id, RequestVersion = r.Version, Classification = r.Classification, SentAt = now, Readers = r.Readers,
                                StateCode = state.Value.NormalizedCode, AcknowledgedAt = now, AcknowledgedBy = r.AcknowledgedBy,
                            };
                        }))
            .WithStateInputLimits<AcknowledgeBody>()
            .Produces<Queries.ReceivedRequestView>()
            .WithIdempotency()
            .WithName("AcknowledgeRequest")
            .WithSummary("A person or system at the State accepts the request; the issuing organ is told.");
}
