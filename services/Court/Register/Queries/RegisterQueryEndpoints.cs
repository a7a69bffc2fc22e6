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
    string Channel, IReadOnlyCollection<string> Languages, DateTimeOffset ReceivedAt, DateTimeOffset EffectiveFrom,
    IReadOnlyList<string> SurrenderDocumentRequirements, IReadOnlyList<string> AssistanceInformationRequirements);

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
            .WithName($"{organ.Organ}GetRegisterEntry");
    }

    private static async Task<List<RegisterEntryView>> EntriesAsync(CourtDbContext db, string? code, DateTimeOffset now, CancellationToken ct)
    {
        var states = await db.StateParties.Where(s => code == null || s.Code == code).OrderBy(s => s.Code).ToListAsync(ct);
        var codes = states.Select(s => s.Code).ToList();
        var designations = await db.ChannelDesignations.Where(d => codes.Contains(d.StateCode)).ToListAsync(ct);
        return states.Select(s =>
        {
            var history = designations.Where(d => d.StateCode == s.Code).Select(d => d.ToDomain()).OrderBy(d => d.ReceivedAt).ToList();
            return new RegisterEntryView(s.Code, View(ChannelRegister.InEffectAt(now, history)), history.Select(d => View(d)!).ToList());
        }).ToList();
    }

    private static DesignationView? View(ChannelDesignation? d) =>
        d is null ? null : new DesignationView(d.Channel, d.AcceptedLanguages, d.ReceivedAt, d.EffectiveFrom,
            d.Requirements?.SurrenderDocuments ?? [], d.Requirements?.AssistanceInformation ?? []);
}
