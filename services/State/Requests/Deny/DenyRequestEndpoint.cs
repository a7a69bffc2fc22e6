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

/// <summary>
/// Art 93(6): a denial states its reasons, unless a national-security denial withholds them (Art 72(6),
/// <c>reasonsWithheld</c>). ConditionsConsidered: Art 93(5) for (l)-assistance. Partial: Art 93(4) "in whole or
/// in part". ConcernsDocumentsOrEvidence and Art72StepsTaken: Art 93(4), 72(5). OriginatorConsentSought: Art 73.
/// </summary>
public sealed record DenyBody(
    DenialGround? Ground, string? Reasons, bool ConditionsConsidered, bool Partial = false, bool ConcernsDocumentsOrEvidence = false,
    bool Art72StepsTaken = false, bool ReasonsWithheld = false, bool OriginatorConsentSought = false);

public static class DenyRequestEndpoint
{
    public static void MapDenyRequestEndpoint(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/states/{code}/requests/{id:guid}/deny",
                (string code, Guid id, DenyBody body, StateDbContext db, IOutbox outbox, IOptions<StateOptions> state, TimeProvider clock, CancellationToken ct) =>
                    StateCommand.RunAsync(code, id, db, outbox, state.Value, clock, ct,
                        (_, now) => new RequestCommand.Deny(body.Ground, body.Reasons, body.ConditionsConsidered, body.Partial,
                            body.ConcernsDocumentsOrEvidence, body.Art72StepsTaken, body.ReasonsWithheld, body.OriginatorConsentSought),
                        (r, now) => new RequestDenied
                        {
                            RequestId = r.Id, RequestVersion = r.Version, Classification = r.Classification, SentAt = now, Readers = r.Readers,
                            StateCode = state.Value.NormalizedCode,
                            Ground = body.Ground!.Value, Reasons = body.Reasons ?? "", ConditionsConsidered = body.ConditionsConsidered,
                            Partial = body.Partial, ConcernsDocumentsOrEvidence = body.ConcernsDocumentsOrEvidence,
                            Art72StepsTaken = body.Art72StepsTaken, ReasonsWithheld = body.ReasonsWithheld,
                            OriginatorConsentSought = body.OriginatorConsentSought,
                        }))
            .WithStateInputLimits<DenyBody>()
            .WithIdempotency()
            .Produces<Queries.ReceivedRequestView>(StatusCodes.Status200OK)
            .WithName("StateDenyRequest")
            .WithSummary("Deny assistance (Art 93(4) after 72(5), 93(5), 93(7), 93(1)(e), 73) or refuse transit (Art 89(3)(a)), in whole or in part, with reasons (Art 93(6), 72(6)); never an arrest request.");
}
