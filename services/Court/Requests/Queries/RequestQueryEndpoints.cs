using Cooperation.Court.Persistence;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Court.Requests.Queries;

public static class RequestQueryEndpoints
{
    private const int MaxPageSize = 200;
    /// <summary>A report may hold up to StateInputLimits.MaxItems items and a note: pages stay a few megabytes at most.</summary>
    private const int MaxReportPageSize = 50;

    public static void MapRequestQueries(this IEndpointRouteBuilder routes, CourtOrgan organ)
    {
        routes.MapGet($"{organ.RoutePrefix}/requests/{{id:guid}}", async (Guid id, CourtDbContext db, CancellationToken ct) =>
            {
                var request = await db.Requests.Include(r => r.History)
                    .SingleOrDefaultAsync(r => r.Id == id && r.IssuingOrgan == organ.Organ, ct);
                return request is null ? (IResult)Problems.NotFound("request") : TypedResults.Ok(RequestView.From(request));
            })
            .WithName($"{organ.Organ}GetRequest")
            .Produces<RequestView>();

        routes.MapGet($"{organ.RoutePrefix}/requests",
                async Task<IResult> (string? state, RequestStatus? status, Guid? cursor, int? limit, CourtDbContext db, CancellationToken ct) =>
                {
                    var size = Math.Clamp(limit ?? 50, 1, MaxPageSize);
                    var query = db.Requests.Where(r => r.IssuingOrgan == organ.Organ);
                    if (!string.IsNullOrWhiteSpace(state)) query = query.Where(r => r.StateCode == state.ToUpperInvariant());
                    if (status is not null) query = query.Where(r => r.Status == status);
                    if (cursor is not null)
                    {
                        var after = await db.Requests.Where(r => r.Id == cursor).Select(r => new { r.CreatedAt, r.Reference })
                            .SingleOrDefaultAsync(ct);
                        if (after is null) return Problems.Invalid(new Dictionary<string, string[]> { ["cursor"] = ["Unknown cursor."] });
                        query = query.Where(r => r.CreatedAt < after.CreatedAt
                                                 || (r.CreatedAt == after.CreatedAt && string.Compare(r.Reference, after.Reference) < 0));
                    }

                    // Only the summary's columns: never the contents, lifecycle or readers of every row.
                    var rows = await query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Reference)
                        .Take(size + 1)
                        .Select(r => new RequestSummary(
                            r.Id, r.Reference, r.Kind, r.StateCode, r.Classification, r.Status, r.Version, r.CreatedAt,
                            new EvidenceView(r.SubmittedAt, r.DeliveredAt, r.AcknowledgedAt, r.AcknowledgedBy,
                                EvidenceView.SignalOf(r.Status, r.DeliveryWarningAt, r.DeliveryOverdueAt,
                                    r.AcknowledgementWarningAt, r.AcknowledgementOverdueAt))))
                        .ToListAsync(ct);
                    var items = rows.Take(size).ToList();
                    return TypedResults.Ok(new RequestPage(items, rows.Count > size ? items[^1].Id.ToString() : null));
                })
            .Produces<RequestPage>(StatusCodes.Status200OK)
            .WithName($"{organ.Organ}ListRequests")
            .WithSummary("Requests issued by this organ, newest first, filterable by State and status.");

        routes.MapGet($"{organ.RoutePrefix}/requests/{{id:guid}}/reports",
                async Task<IResult> (Guid id, Guid? cursor, int? limit, CourtDbContext db, CancellationToken ct) =>
                {
                    if (!await db.Requests.AnyAsync(r => r.Id == id && r.IssuingOrgan == organ.Organ, ct)) return Problems.NotFound("request");
                    var size = Math.Clamp(limit ?? 20, 1, MaxReportPageSize);
                    var query = db.StateReports.AsNoTracking().Where(x => x.RequestId == id);
                    if (cursor is not null)
                    {
                        var after = await db.StateReports.Where(x => x.Id == cursor && x.RequestId == id).Select(x => (int?)x.Sequence)
                            .SingleOrDefaultAsync(ct);
                        if (after is null) return Problems.Invalid(new Dictionary<string, string[]> { ["cursor"] = ["Unknown cursor."] });
                        query = query.Where(x => x.Sequence < after);
                    }
                    var rows = await query.OrderByDescending(x => x.Sequence).Take(size + 1).ToListAsync(ct);
                    var items = rows.Take(size).Select(ReportView.From).ToList();
                    return TypedResults.Ok(new ReportPage(items, rows.Count > size ? items[^1].Id.ToString() : null));
                })
            .WithName($"{organ.Organ}ListRequestReports")
            .WithSummary("The requested State's reports on a request (progress, results, denial, postponement), newest first, paged.")
            .Produces<ReportPage>();
    }
}
