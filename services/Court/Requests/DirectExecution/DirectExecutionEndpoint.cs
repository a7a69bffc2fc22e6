using Cooperation.Contracts.Requests;
using Cooperation.Court.Persistence;
using Cooperation.Court.Requests.Lifecycle;
using Cooperation.Requests;
using Cooperation.Requests.DirectExecution;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Court.Requests.DirectExecution;

/// <summary>
/// Art 99(4): the plan of a direct execution. CrimeAllegedOnTerritory with an AdmissibilityDecision reference is
/// 99(4)(a); otherwise 99(4)(b), subject to the StateConditions the State raised.
/// </summary>
public sealed record DirectExecutionBody(
    DateOnly? On,
    bool NoCompulsoryMeasures = false,
    bool WithoutStateAuthorities = false,
    bool AbsenceOfAuthoritiesEssential = false,
    bool PublicSiteUnmodified = false,
    bool CrimeAllegedOnTerritory = false,
    string? AdmissibilityDecision = null,
    string? StateConditions = null);

/// <summary>
/// Art 99(4) at the Prosecutor's service: a direct execution on the State's territory, recorded on the request once
/// consultations with the State were held (an Art 97 consultation on this request, open or closed), and sent to the State.
/// </summary>
public static class DirectExecutionEndpoint
{
    public static void MapDirectExecution(this IEndpointRouteBuilder routes, CourtOrgan organ) =>
        routes.MapPost($"{organ.RoutePrefix}/requests/{{id:guid}}/direct-execution",
                async Task<IResult> (Guid id, DirectExecutionBody body, CourtDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken ct) =>
                {
                    if (body.On is not { } on)
                        return Problems.Invalid(new Dictionary<string, string[]> { ["on"] = ["required: the day of the direct execution (Art 99(4))"] });
                    var plan = new DirectExecutionPlan(on, body.NoCompulsoryMeasures, body.WithoutStateAuthorities, body.AbsenceOfAuthoritiesEssential,
                        body.PublicSiteUnmodified, body.CrimeAllegedOnTerritory, body.AdmissibilityDecision, body.StateConditions);
                    // 99(4)(a) "all possible consultations", (b) "consultations": the consultation record shows them (our reading).
                    var consulted = await db.Consultations.AnyAsync(c => c.RequestId == id && c.IssuingOrgan == organ.Organ, ct);
                    return await CourtCommand.RunAsync(organ, id, db, outbox, clock, ct,
                        (_, _) => new RequestCommand.RecordDirectExecution(plan, organ.Organ, consulted),
                        (r, now) =>
                        {
                            var recorded = r.Lifecycle.DirectExecutions[^1];
                            return new DirectExecutionNotified
                            {
                                RequestId = r.Id, RequestVersion = r.Version, SenderOrgan = organ.Organ, Classification = r.Classification,
                                SentAt = now, Readers = r.Readers, StateCode = r.StateCode, Plan = recorded.Plan, Case = recorded.Case,
                            };
                        });
                })
            .WithIdempotency()
            .Produces<Queries.RequestView>(StatusCodes.Status200OK)
            .WithName($"{organ.Organ}RecordDirectExecution")
            .WithSummary("Art 99(4): the Prosecutor executes the request directly on the State's territory, after consultations (99(4)(a) or (b)).");
}
