using Cooperation.ServiceDefaults.Auth;
using Cooperation.ServiceDefaults.Persistence;
using ProblemResults = Cooperation.ServiceDefaults.Problems.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.ServiceDefaults.Audit;

public static class AuditEndpoints
{
    /// <summary>
    /// <c>GET /operations/audit/verify</c>: recomputes the chain; operators only (scope operator). With the head another
    /// organ anchored (<c>anchorSequence</c>, <c>anchorHash</c>), it also checks that entry is still there, unchanged: the
    /// chain alone cannot show its newest entries cut off.
    /// </summary>
    public static IEndpointRouteBuilder MapAuditVerification(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/operations/audit/verify", async Task<IResult> (long? anchorSequence, string? anchorHash, CooperationDbContext db, CancellationToken ct) =>
            {
                var invalid = new Dictionary<string, string[]>();
                if (anchorSequence is < 0) invalid["anchorSequence"] = ["a sequence number from 0 (an empty log)"];
                if (anchorHash is not null && (anchorHash.Length != 64 || !anchorHash.All(Uri.IsHexDigit)))
                    invalid["anchorHash"] = ["a SHA-256 hash: 64 hex digits"];
                if ((anchorSequence is null) != (anchorHash is null))
                    invalid[anchorSequence is null ? "anchorSequence" : "anchorHash"] = ["required with the other anchor field"];
                if (invalid.Count > 0) return ProblemResults.Invalid(invalid);

                var verified = await AuditChain.VerifyAsync(db.AuditLog.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable(), ct);
                // Anchored empty (sequence 0): every log is at least that.
                if (anchorSequence is not { } sequence || sequence == 0 || !verified.Ok) return Results.Ok(verified);
                var at = await db.AuditLog.AsNoTracking().Where(e => e.Sequence == sequence).Select(e => e.Hash).FirstOrDefaultAsync(ct);
                var broken = at switch
                {
                    null => new AuditBreak(sequence, "truncated",
                        $"The anchored head, entry {sequence}, is gone: the log ends at entry {verified.Head?.Sequence ?? 0}; its newest entries were cut off."),
                    _ when !string.Equals(at, anchorHash!.ToLowerInvariant(), StringComparison.Ordinal) => new AuditBreak(sequence, "truncated",
                        $"Entry {sequence} no longer has the anchored hash: the entries up to it were cut off and written again."),
                    _ => null,
                };
                return Results.Ok(broken is null ? verified : verified with { Ok = false, FirstBroken = broken });
            })
            .RequireAuthorization(OperatorPolicy.Name)
            .WithTags("Operations")
            .Produces<AuditVerification>(StatusCodes.Status200OK)
            .WithName("VerifyAuditLog")
            .WithSummary("Recomputes the audit log's hash chain: ok, or the first broken entry and why (changed, inserted, deleted; truncated when an anchored head is given and gone), and the head to record elsewhere.");
        return routes;
    }
}
