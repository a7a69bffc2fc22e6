using Cooperation.Court.Persistence;
using Cooperation.Register;
using Cooperation.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Court.Register.Queries;

/// <summary>SurrenderDocumentRequirements: Art 91(2)(c), 91(4); AssistanceInformationRequirements: Art 96(2)(e).</summary>
public sealed record DesignationView(
    Guid Id, string Channel, IReadOnlyCollection<string> Languages, DateTimeOffset ReceivedAt, DateTimeOffset EffectiveFrom,
    DateOnly? ProposedEffectiveDate, DateTimeOffset? DateAgreedAt,
    IReadOnlyList<string> SurrenderDocumentRequirements, IReadOnlyList<string> AssistanceInformationRequirements)
{
    public static DesignationView Of(ChannelDesignationRecord r)
    {
        var d = r.ToDomain();
        return new(r.Id, r.Channel, d.AcceptedLanguages, r.ReceivedAt, r.EffectiveFrom, r.ProposedEffectiveDate, r.DateAgreedAt,
            d.Requirements?.SurrenderDocuments ?? [], d.Requirements?.AssistanceInformation ?? []);
    }
}

public sealed record RegisterEntryView(string Code, DesignationView? InEffect, IReadOnlyList<DesignationView> History);

public static class RegisterQueryEndpoints
{
    /// <summary>The register as this organ holds it: what is in effect now, and every designation received.</summary>
    public static void MapRegisterQueries(this IEndpointRouteBuilder routes, CourtOrgan organ)
    {
        routes.MapGet($"{organ.RoutePrefix}/register/states", async (CourtDbContext db, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await EntriesAsync(db, null, clock.GetUtcNow(), ct)))
            .WithName($"{organ.Organ}ListRegister");
        routes.MapGet($"{organ.RoutePrefix}/register/states/{{code}}", async Task<IResult> (string code, CourtDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await EntriesAsync(db, code.ToUpperInvariant(), clock.GetUtcNow(), ct)) is [var entry]
                    ? TypedResults.Ok(entry)
                    : Problems.NotFound("State in the register"))
            .Produces<RegisterEntryView>(StatusCodes.Status200OK)
            .WithName($"{organ.Organ}GetRegisterEntry");
    }

    private static async Task<List<RegisterEntryView>> EntriesAsync(CourtDbContext db, string? code, DateTimeOffset now, CancellationToken ct)
    {
        var states = await db.StateParties.Where(s => code == null || s.Code == code).OrderBy(s => s.Code).ToListAsync(ct);
        var codes = states.Select(s => s.Code).ToList();
        var designations = await db.ChannelDesignations.Where(d => codes.Contains(d.StateCode)).ToListAsync(ct);
        return states.Select(s =>
        {
            var records = designations.Where(d => d.StateCode == s.Code).OrderBy(d => d.ReceivedAt).ToList();
            var inEffect = ChannelRegister.InEffectAt(now, records.Select(r => r.ToDomain()));
            var inEffectRecord = inEffect is null ? null : records.Last(r => r.ReceivedAt == inEffect.ReceivedAt && r.EffectiveFrom == inEffect.EffectiveFrom);
            return new RegisterEntryView(s.Code, inEffectRecord is null ? null : DesignationView.Of(inEffectRecord), records.Select(DesignationView.Of).ToList());
        }).ToList();
    }
}
