using Cooperation.Confidentiality;
using Cooperation.Court.Persistence;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Court.Public;

public sealed record KindFigures(RequestKind Kind, IReadOnlyDictionary<RequestStatus, int> ByStatus);

/// <summary>Aggregate figures for civil society: Public requests only, so sealed ones are never counted.</summary>
public sealed record CooperationFigures(DateTimeOffset AsOf, int StatesInRegister, IReadOnlyList<KindFigures> PublicRequests)
{
    /// <summary>Art 87(7) decisions in matters on Public requests (public decisions), disclosure-controlled.</summary>
    public NonCooperationFigures? NonCooperation { get; init; }
}

/// <summary>
/// Totals of the Chambers' public decisions under Art 87(7), all States together (no per-State cell). Each is null when
/// fewer than <see cref="MinimumCount"/> such decisions exist, and otherwise rounded down to a multiple of it
/// (<see cref="Cooperation.Confidentiality.PublishedCount"/>), so no difference of two figures isolates one decision.
/// Only matters on Public requests are counted: a sealed or confidential matter never enters a figure.
/// </summary>
public sealed record NonCooperationFigures(
    int MinimumCount, int? Findings, int? ReferredToAssembly, int? ReferredToSecurityCouncil, int? ReferralDeferred, int? FindingsWithoutReferral);

/// <summary>Section <c>PublicFigures</c>.</summary>
public sealed class PublicFiguresOptions
{
    public const string Section = "PublicFigures";

    /// <summary>No figure below this count is shown, and shown figures are multiples of it.</summary>
    public int MinimumCount { get; set; } = 5;
}

internal sealed class PublicFiguresOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<PublicFiguresOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, PublicFiguresOptions o) =>
        o.MinimumCount is < 2 or > 1000
            ? Microsoft.Extensions.Options.ValidateOptionsResult.Fail($"PublicFigures:MinimumCount must be between 2 and 1000 (got {o.MinimumCount})")
            : Microsoft.Extensions.Options.ValidateOptionsResult.Success;
}

public static class CooperationFiguresEndpoint
{
    /// <summary>The one public read (scope <c>public</c>), served by the Registry under /public.</summary>
    public static void MapCooperationFigures(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/public/cooperation-figures", async (CourtDbContext db, TimeProvider clock,
                Microsoft.Extensions.Options.IOptions<PublicFiguresOptions> options, CancellationToken ct) =>
            {
                // Counting anything but Public requests would reveal that sealed ones exist (Art 87(3)).
                var rows = await db.Requests.Where(r => r.Classification == Classification.Public)
                    .GroupBy(r => new { r.Kind, r.Status })
                    .Select(g => new { g.Key.Kind, g.Key.Status, Count = g.Count() })
                    .ToListAsync(ct);
                var figures = rows.GroupBy(r => r.Kind)
                    .Select(k => new KindFigures(k.Key, k.ToDictionary(r => r.Status, r => r.Count)))
                    .OrderBy(k => k.Kind).ToList();
                return TypedResults.Ok(new CooperationFigures(clock.GetUtcNow(), await db.StateParties.CountAsync(ct), figures)
                {
                    NonCooperation = await NonCooperationAsync(db, options.Value.MinimumCount, ct),
                });
            })
            .RequireAuthorization(new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser().AddRequirements(new ScopeRequirement("public")).Build())
            .WithName("CooperationFigures")
            .WithSummary("Aggregate cooperation figures for the public: Public requests by kind and status; Art 87(7) decisions, disclosure-controlled.");

    private static async Task<NonCooperationFigures> NonCooperationAsync(CourtDbContext db, int minimum, CancellationToken ct)
    {
        // The request's classification now (an unsealed request counts once it is Public); never the matter's own copy.
        var steps = await db.Matters.Join(db.Requests, m => m.RequestId, r => r.Id, (m, r) => new { m.StepsJson, r.Classification })
            .Where(x => x.Classification == Classification.Public).Select(x => x.StepsJson).ToListAsync(ct);
        var matters = steps.Select(json => new NonCompliance.NonComplianceMatterRecord { StepsJson = json }.Steps.Select(s => s.Step).ToHashSet()).ToList();
        int? Count(Cooperation.NonCompliance.MatterStep step) =>
            Cooperation.Confidentiality.PublishedCount.Of(matters.Count(m => m.Contains(step)), minimum);
        return new NonCooperationFigures(minimum,
            Count(Cooperation.NonCompliance.MatterStep.Finding),
            Count(Cooperation.NonCompliance.MatterStep.ReferredToAssembly),
            Count(Cooperation.NonCompliance.MatterStep.ReferredToSecurityCouncil),
            Count(Cooperation.NonCompliance.MatterStep.ReferralDeferred),
            Count(Cooperation.NonCompliance.MatterStep.NotReferred));
    }
}
