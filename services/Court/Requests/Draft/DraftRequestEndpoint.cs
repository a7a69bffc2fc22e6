using Cooperation.Court.Persistence;
using Cooperation.Court.Requests.Queries;
using Cooperation.Organs;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.ApiReference;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Court.Requests.Draft;

public static class DraftRequestEndpoint
{
    public static void MapDraftRequest(this IEndpointRouteBuilder routes, CourtOrgan organ) =>
        routes.MapPost($"{organ.RoutePrefix}/requests", (DraftRequestBody body, CourtDbContext db, TimeProvider clock, CancellationToken ct) =>
                DraftAsync(organ, body, db, clock, ct))
            .WithIdempotency()
            .WithName($"{organ.Organ}DraftRequest")
            .WithSummary("Draft a cooperation request (it stays in Draft until transmitted).")
            .WithRequestExamples(DraftExamples.For(organ))
            .Produces<RequestView>(StatusCodes.Status201Created);

    private static async Task<IResult> DraftAsync(
        CourtOrgan organ, DraftRequestBody body, CourtDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        if (body.Kind is null) errors.Add(("kind", "Required: ArrestAndSurrender, ProvisionalArrest, Transit or OtherAssistance."));
        else if (!organ.Kinds.Contains(body.Kind.Value))
            errors.Add(("kind", $"The {organ.Organ} does not issue {body.Kind} requests (RPE 176(2))."));
        if (body.Classification is null) errors.Add(("classification", "Required: Public, Confidential, UnderSeal or ExParte."));
        if (string.IsNullOrWhiteSpace(body.Language) || body.Language.Length is < 2 or > 16)
            errors.Add(("language", "Required: the ISO 639-1 code of the language the request is written in."));
        if (body.TranslationLanguage is { Length: < 2 or > 16 })
            errors.Add(("translationLanguage", "An ISO 639-1 code, e.g. fr."));
        if (body.Readers is { } readers && readers.Any(r => string.IsNullOrWhiteSpace(r) || r.Length > 64))
            errors.Add(("readers", "Each reader is a non-empty name of at most 64 characters."));
        errors.AddRange(DraftLimits.Check(body.Contents));

        string? stateCode = null;
        if (!StateCode.TryParse(body.StateCode, out var code))
            errors.Add(("stateCode", "Required: the ISO 3166-1 alpha-3 code of the requested State, e.g. UGA."));
        else if (!await db.StateParties.AnyAsync(s => s.Code == code.Value, ct))
            errors.Add(("stateCode", "This State is not in the register of designated channels."));
        else
            stateCode = code.Value;

        if (errors.Count > 0) return Problems.Invalid(Problems.Errors(errors));

        var now = clock.GetUtcNow();
        var request = new CooperationRequest
        {
            Id = Guid.CreateVersion7(),
            Reference = await ReferenceNumbers.NextAsync(db, organ.ReferencePrefix, now, ct),
            Kind = body.Kind!.Value,
            StateCode = stateCode!,
            IssuingOrgan = organ.Organ,
            Classification = body.Classification!.Value,
            Readers = body.Readers ?? [],
            Language = body.Language!.ToLowerInvariant(),
            TranslationLanguage = body.TranslationLanguage?.ToLowerInvariant(),
            Urgent = body.Urgent || body.Kind == RequestKind.ProvisionalArrest,
            Contents = body.Contents ?? new RequestContents(),
            CreatedAt = now,
        };
        request.Lifecycle = RequestSnapshot.New(request.Kind, request.Classification, request.Urgent, request.Contents.Measure);
        request.Record("request-drafted", RequestStatus.Draft, RequestStatus.Draft, organ.Organ.ToString().ToLowerInvariant(), now);
        db.Requests.Add(request);
        await db.SaveChangesAsync(ct);

        return TypedResults.Created($"{organ.RoutePrefix}/requests/{request.Id}", RequestView.From(request));
    }
}
