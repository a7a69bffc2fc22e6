using Cooperation.Court.Persistence;
using Cooperation.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Court.Audit;

public sealed record AuditAnchorView(
    string Service, long Sequence, string Hash, DateTimeOffset At, DateTimeOffset ReceivedAt,
    DateTimeOffset? RegressedAt, long? RegressedFromSequence, long? RegressedToSequence);

public static class AuditAnchorEndpoints
{
    /// <summary>
    /// <c>GET /operations/audit/anchors</c>: the heads other services sent here, to pass to their
    /// <c>/operations/audit/verify?anchorSequence=…&amp;anchorHash=…</c>; operators only.
    /// </summary>
    public static IEndpointRouteBuilder MapAuditAnchors(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/operations/audit/anchors", async (CourtDbContext db, CancellationToken ct) =>
                TypedResults.Ok((await db.AuditAnchors.AsNoTracking().ToListAsync(ct)).OrderBy(a => a.Service, StringComparer.Ordinal)
                    .Select(a => new AuditAnchorView(a.Service, a.Sequence, a.Hash, a.At, a.ReceivedAt, a.RegressedAt, a.RegressedFromSequence, a.RegressedToSequence))
                    .ToList()))
            .RequireAuthorization(OperatorPolicy.Name)
            .WithTags("Operations")
            .WithName("AuditAnchors")
            .WithSummary("The audit-chain heads other services anchored here, and any that went back (entries cut off or rewritten).");
        return routes;
    }
}
