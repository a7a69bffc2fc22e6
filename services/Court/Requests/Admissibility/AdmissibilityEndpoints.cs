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

namespace Cooperation.Court.Requests.Admissibility;

/// <summary>Art 89(2), 95: the Court's ruling on admissibility and its reference.</summary>
public sealed record AdmissibilityRulingBody(bool? Admissible, string? Reference);

/// <summary>Art 95: the reference of the Court's order that evidence collection may continue.</summary>
public sealed record EvidenceCollectionOrderBody(string? Reference);

/// <summary>Art 94(2): the measures to preserve evidence the Prosecutor seeks.</summary>
public sealed record PreservationMeasuresBody(string? Measures);

/// <summary>
/// What the issuing organ records about admissibility and postponement, each sent to the State: the ruling that ends an
/// 89(2) or 95 postponement (admissible: execution proceeds; inadmissible: the request ends Withdrawn); the Art 95 order
/// that evidence collection continue (no postponement on 95 then); and, for the Prosecutor, 94(2) preservation measures.
/// </summary>
public static class AdmissibilityEndpoints
{
    private const int MaxReference = 200;

    public static void MapAdmissibility(this IEndpointRouteBuilder routes, CourtOrgan organ)
    {
        routes.MapPost($"{organ.RoutePrefix}/requests/{{id:guid}}/admissibility-ruling",
                (Guid id, AdmissibilityRulingBody body, CourtDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken ct) =>
                {
                    var errors = new Dictionary<string, string[]>();
                    if (body.Admissible is null) errors["admissible"] = ["required: whether the Court ruled the case admissible"];
                    Reference(body.Reference, errors);
                    if (errors.Count > 0) return Task.FromResult<IResult>(Problems.Invalid(errors));
                    var reference = body.Reference!.Trim();
                    return CourtCommand.RunAsync(organ, id, db, outbox, clock, ct,
                        (_, _) => new RequestCommand.RecordAdmissibilityRuling(body.Admissible!.Value, reference),
                        (r, now) => new AdmissibilityRuled
                        {
                            RequestId = r.Id, RequestVersion = r.Version, SenderOrgan = organ.Organ, Classification = r.Classification,
                            SentAt = now, Readers = r.Readers, StateCode = r.StateCode, Admissible = body.Admissible!.Value, Reference = reference,
                        });
                })
            .WithIdempotency()
            .Produces<Queries.RequestView>(StatusCodes.Status200OK)
            .WithName($"{organ.Organ}RecordAdmissibilityRuling")
            .WithSummary("Art 89(2), 95: the Court's admissibility ruling ends the postponement; inadmissible, the request ends Withdrawn.");

        routes.MapPost($"{organ.RoutePrefix}/requests/{{id:guid}}/evidence-collection-order",
                (Guid id, EvidenceCollectionOrderBody body, CourtDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken ct) =>
                {
                    var errors = new Dictionary<string, string[]>();
                    Reference(body.Reference, errors);
                    if (errors.Count > 0) return Task.FromResult<IResult>(Problems.Invalid(errors));
                    var reference = body.Reference!.Trim();
                    return CourtCommand.RunAsync(organ, id, db, outbox, clock, ct,
                        (_, _) => new RequestCommand.RecordEvidenceCollectionOrder(reference),
                        (r, now) => new EvidenceCollectionOrdered
                        {
                            RequestId = r.Id, RequestVersion = r.Version, SenderOrgan = organ.Organ, Classification = r.Classification,
                            SentAt = now, Readers = r.Readers, StateCode = r.StateCode, Reference = reference,
                        });
                })
            .WithIdempotency()
            .Produces<Queries.RequestView>(StatusCodes.Status200OK)
            .WithName($"{organ.Organ}RecordEvidenceCollectionOrder")
            .WithSummary("Art 95: the Court ordered that the Prosecutor may pursue the collection of evidence; no postponement on Art 95.");

        // Art 94(2) names the Prosecutor; the lifecycle refuses it from the Registry (preservation-not-applicable).
        routes.MapPost($"{organ.RoutePrefix}/requests/{{id:guid}}/preservation-measures",
                (Guid id, PreservationMeasuresBody body, CourtDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken ct) =>
                {
                    if (string.IsNullOrWhiteSpace(body.Measures))
                        return Task.FromResult<IResult>(Problems.Invalid(new Dictionary<string, string[]>
                            { ["measures"] = ["required: the measures to preserve evidence sought (Art 94(2), 93(1)(j))"] }));
                    if (body.Measures.Length > 8_000)
                        return Task.FromResult<IResult>(Problems.Invalid(new Dictionary<string, string[]> { ["measures"] = ["at most 8000 characters"] }));
                    var measures = body.Measures.Trim();
                    return CourtCommand.RunAsync(organ, id, db, outbox, clock, ct,
                        (_, _) => new RequestCommand.SeekPreservationMeasures(organ.Organ, measures),
                        (r, now) => new PreservationMeasuresSought
                        {
                            RequestId = r.Id, RequestVersion = r.Version, SenderOrgan = organ.Organ, Classification = r.Classification,
                            SentAt = now, Readers = r.Readers, StateCode = r.StateCode, Measures = measures,
                        });
                })
            .WithIdempotency()
            .Produces<Queries.RequestView>(StatusCodes.Status200OK)
            .WithName($"{organ.Organ}SeekPreservationMeasures")
            .WithSummary("Art 94(2): during an Art 94 postponement the Prosecutor seeks measures to preserve evidence.");
    }

    private static void Reference(string? reference, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(reference)) errors["reference"] = ["required: the reference of the Court's decision"];
        else if (reference.Trim().Length > MaxReference) errors["reference"] = [$"at most {MaxReference} characters"];
    }
}
