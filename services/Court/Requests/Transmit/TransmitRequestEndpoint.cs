using Cooperation.Contracts;
using Cooperation.Court.Persistence;
using Cooperation.Court.Register;
using Cooperation.Court.Requests.Queries;
using Cooperation.Requests;
using Cooperation.Proceedings.Lifecycle;
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
            .Produces<RequestView>()
            .WithSummary("Check the request is complete, then transmit it to the requested State's own queue.");

    private static async Task<IResult> TransmitAsync(
        CourtOrgan organ, Guid id, CourtDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var request = await db.Requests.Include(r => r.History)
            .SingleOrDefaultAsync(r => r.Id == id && r.IssuingOrgan == organ.Organ, ct);
        if (request is null) return Problems.NotFound("request");
        var now = clock.GetUtcNow();
        // The designation in effect now governs a new request; a later change never touches it (RPE 180).
        var designation = await db.ForRequestAsync(request.StateCode, request.Lifecycle.FirstTransmittedAt, now, ct);
        var accepted = designation?.AcceptedLanguages ?? [];

        var actor = organ.Organ.ToString().ToLowerInvariant();
        if (request.Status == RequestStatus.Draft)
        {
            // Complete, in a language the State accepts (Art 87(2), RPE 178), before it may leave Draft.
            // Art 91(2)(c), 91(4), 96(2)(e): the national requirements the register records for the State.
            var input = new CompletenessInput(request.Contents, request.Language, accepted, request.TranslationLanguage, designation?.Requirements);
            if (request.Apply(new RequestCommand.MarkReady(input), actor, now) is Decision.Refused incomplete)
                return incomplete.ToProblem();
        }
        if (request.Apply(new RequestCommand.Transmit(now), actor, now) is Decision.Refused refused)
            return refused.ToProblem();
        request.SubmittedAt = now;

        // Persist, then publish: the message commits with the state change and the dispatcher sends it.
        outbox.Send(Addresses.ToState(request.StateCode), TransmitRequestMessage.For(request, organ.Organ, now));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(RequestView.From(request));
    }
}
