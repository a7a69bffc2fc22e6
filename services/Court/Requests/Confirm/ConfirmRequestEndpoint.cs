using Cooperation.Contracts.Requests;
using Cooperation.Court.Persistence;
using Cooperation.Court.Requests.Lifecycle;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cooperation.Court.Requests.Confirm;

public static class ConfirmRequestEndpoint
{
    /// <summary>Art 91(1), 96(1): an urgent request is confirmed through the designated channel afterwards.</summary>
    public static void MapConfirmRequest(this IEndpointRouteBuilder routes, CourtOrgan organ) =>
        routes.MapPost($"{organ.RoutePrefix}/requests/{{id:guid}}/confirm",
                (Guid id, CourtDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken ct) =>
                    CourtCommand.RunAsync(organ, id, db, outbox, clock, ct,
                        (_, now) => new RequestCommand.RecordConfirmation(now),
                        (r, now) => new ConfirmRequest
                        {
                            RequestId = r.Id, RequestVersion = r.Version, SenderOrgan = organ.Organ,
                            Classification = r.Classification, SentAt = now, Readers = r.Readers, StateCode = r.StateCode, ConfirmedAt = now,
                        }))
            .WithIdempotency()
            .Produces<Queries.RequestView>(StatusCodes.Status200OK)
            .WithName($"{organ.Organ}ConfirmRequest")
            .WithSummary("Record that an urgent request was confirmed through the designated channel.");
}
