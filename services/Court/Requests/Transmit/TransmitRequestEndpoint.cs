using Cooperation.Contracts;
using Cooperation.Contracts.Requests;
using Cooperation.Court.Persistence;
using Cooperation.Court.Requests.Queries;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Court.Requests.Transmit;

public static class TransmitRequestEndpoint
{
    public static void MapTransmitRequest(this IEndpointRouteBuilder routes, CourtOrgan organ) =>
        routes.MapPost($"{organ.RoutePrefix}/requests/{{id:guid}}/transmit",
                (Guid id, CourtDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken ct) =>
                    TransmitAsync(organ, id, db, outbox, clock, ct))
            .WithIdempotency()
            .WithName($"{organ.Organ}TransmitRequest")
            .WithSummary("Transmit a drafted request to the requested State's own queue.");

    private static async Task<IResult> TransmitAsync(
        CourtOrgan organ, Guid id, CourtDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var request = await db.Requests.SingleOrDefaultAsync(r => r.Id == id && r.IssuingOrgan == organ.Organ, ct);
        if (request is null) return Problems.NotFound("request");
        if (request.Status is not (RequestStatus.Draft or RequestStatus.Ready))
            return Problems.Conflict(ProblemTypes.IllegalTransition, "The request cannot be transmitted now",
                $"A request in {request.Status} cannot be transmitted; nothing was changed.");

        var now = clock.GetUtcNow();
        var from = request.Status;
        request.Status = RequestStatus.Transmitted;
        request.SubmittedAt = now;
        request.Record("transmitted", from, RequestStatus.Transmitted, organ.Organ.ToString().ToLowerInvariant(), now);

        // Persist, then publish: the message commits with the state change and the dispatcher sends it.
        outbox.Send(Addresses.ToState(request.StateCode), new TransmitRequest
        {
            RequestId = request.Id,
            RequestVersion = request.Version,
            SenderOrgan = organ.Organ,
            Classification = request.Classification,
            SentAt = now,
            Reference = request.Reference,
            StateCode = request.StateCode,
            Kind = request.Kind,
            Readers = request.Readers,
            Urgent = request.Urgent,
            Language = request.Language,
            Contents = request.Contents,
            SubmittedAt = now,
        });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(RequestView.From(request));
    }
}
