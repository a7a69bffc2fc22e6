using Cooperation.Confidentiality;
using Cooperation.Contracts.Requests;
using Cooperation.Court.Persistence;
using Cooperation.Court.Requests.Lifecycle;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cooperation.Court.Requests.Reclassify;

/// <summary>AuthorisingDecision: to unseal (UnderSeal → Confidential or Public), the reference of the decision that authorises it.</summary>
public sealed record ReclassifyBody(Classification? Classification, string? AuthorisingDecision = null);

public static class ReclassifyRequestEndpoint
{
    /// <summary>Reclassification (e.g. a warrant unsealed after arrest) is an event in the request's history.</summary>
    public static void MapReclassifyRequest(this IEndpointRouteBuilder routes, CourtOrgan organ) =>
        routes.MapPost($"{organ.RoutePrefix}/requests/{{id:guid}}/reclassify",
                (Guid id, ReclassifyBody body, CourtDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken ct) =>
                    body.Classification is not { } to
                        ? Task.FromResult<IResult>(Problems.Invalid(new Dictionary<string, string[]>
                            { ["classification"] = ["Required: Public, Confidential, UnderSeal or ExParte."] }))
                        : CourtCommand.RunAsync(organ, id, db, outbox, clock, ct,
                            (_, _) => new RequestCommand.Reclassify(to, body.AuthorisingDecision),
                            (r, now) => new ReclassifyRequest
                            {
                                RequestId = r.Id, RequestVersion = r.Version, SenderOrgan = organ.Organ,
                                Classification = to, SentAt = now, Readers = r.Readers, StateCode = r.StateCode, NewClassification = to,
                                AuthorisingDecision = body.AuthorisingDecision?.Trim(),
                            }))
            .WithIdempotency()
            .Produces<Queries.RequestView>(StatusCodes.Status200OK)
            .WithName($"{organ.Organ}ReclassifyRequest")
            .WithSummary("Change a request's classification; unsealing (e.g. a warrant after arrest) needs the authorising decision's reference, and the State is notified.");
}
