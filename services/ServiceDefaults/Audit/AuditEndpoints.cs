using Cooperation.ServiceDefaults.Auth;
using Cooperation.ServiceDefaults.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.ServiceDefaults.Audit;

public static class AuditEndpoints
{
    /// <summary><c>GET /operations/audit/verify</c>: recomputes the chain; operators only (scope operator).</summary>
    public static IEndpointRouteBuilder MapAuditVerification(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/operations/audit/verify", async (CooperationDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await AuditChain.VerifyAsync(db.AuditLog.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable(), ct)))
            .RequireAuthorization(OperatorPolicy.Name)
            .WithTags("Operations")
            .WithName("VerifyAuditLog")
            .WithSummary("Recomputes the audit log's hash chain: ok, or the first broken entry and why (changed, inserted, deleted), and the head to record elsewhere.");
        return routes;
    }
}
