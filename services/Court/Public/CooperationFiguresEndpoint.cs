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
public sealed record CooperationFigures(DateTimeOffset AsOf, int StatesInRegister, IReadOnlyList<KindFigures> PublicRequests);

public static class CooperationFiguresEndpoint
{
    /// <summary>The one public read (scope <c>public</c>), served by the Registry under /public.</summary>
    public static void MapCooperationFigures(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/public/cooperation-figures", async (CourtDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                // Counting anything but Public requests would reveal that sealed ones exist (Art 87(3)).
                var rows = await db.Requests.Where(r => r.Classification == Classification.Public)
                    .GroupBy(r => new { r.Kind, r.Status })
                    .Select(g => new { g.Key.Kind, g.Key.Status, Count = g.Count() })
                    .ToListAsync(ct);
                var figures = rows.GroupBy(r => r.Kind)
                    .Select(k => new KindFigures(k.Key, k.ToDictionary(r => r.Status, r => r.Count)))
                    .OrderBy(k => k.Kind).ToList();
                return TypedResults.Ok(new CooperationFigures(clock.GetUtcNow(), await db.StateParties.CountAsync(ct), figures));
            })
            .RequireAuthorization(new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser().AddRequirements(new ScopeRequirement("public")).Build())
            .WithName("CooperationFigures")
            .WithSummary("Aggregate cooperation figures for the public: Public requests by kind and status.");
}
