using Cooperation.Alerts;
using Cooperation.Court.Persistence;
using Cooperation.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Court.Alerts.Queries;

public static class AlertQueryEndpoints
{
    private const int MaxPageSize = 100;

    public static void MapAlertQueries(this IEndpointRouteBuilder routes, CourtOrgan organ)
    {
        routes.MapGet($"{organ.RoutePrefix}/alerts/{{id:guid}}", async Task<IResult> (Guid id, CourtDbContext db, CancellationToken ct) =>
                await db.TravelAlerts.AsNoTracking().Include(a => a.Entries).SingleOrDefaultAsync(a => a.Id == id, ct) is { } alert
                    ? TypedResults.Ok(AlertView.From(alert))
                    : Problems.NotFound("alert"))
            .WithName("GetTravelAlert")
            .WithSummary("The alert's board: per State, Delivered, Acknowledged (who, when), consultation opened (grounds), visit, overdue, arrest notified.")
            .Produces<AlertView>();

        routes.MapGet($"{organ.RoutePrefix}/alerts",
                async Task<IResult> (Guid? requestId, Guid? cursor, int? limit, CourtDbContext db, CancellationToken ct) =>
                {
                    var size = Math.Clamp(limit ?? 20, 1, MaxPageSize);
                    var query = db.TravelAlerts.AsNoTracking();
                    if (requestId is not null) query = query.Where(a => a.SourceRequestId == requestId);
                    if (cursor is not null)
                    {
                        var after = await db.TravelAlerts.Where(a => a.Id == cursor).Select(a => new { a.CreatedAt, a.Reference }).SingleOrDefaultAsync(ct);
                        if (after is null) return Problems.Invalid(new Dictionary<string, string[]> { ["cursor"] = ["Unknown cursor."] });
                        query = query.Where(a => a.CreatedAt < after.CreatedAt
                                                 || (a.CreatedAt == after.CreatedAt && string.Compare(a.Reference, after.Reference) < 0));
                    }
                    var rows = await query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Reference).Take(size + 1).ToListAsync(ct);
                    var page = rows.Take(size).ToList();
                    var ids = page.Select(a => a.Id).ToList();
                    // Counts from the queryable columns only: never every entry's snapshot.
                    var entries = await db.TravelAlertEntries.AsNoTracking().Where(e => ids.Contains(e.AlertId))
                        .Select(e => new { e.AlertId, e.Stage, e.Signal }).ToListAsync(ct);
                    var items = page.Select(a =>
                    {
                        var mine = entries.Where(e => e.AlertId == a.Id).ToList();
                        return new AlertSummary(a.Id, a.Reference, a.SourceRequestId, a.Classification, a.CreatedAt,
                            mine.Count,
                            mine.Count(e => e.Stage != AlertStage.Sent),
                            mine.Count(e => e.Stage == AlertStage.Acknowledged),
                            mine.Count(e => e.Signal == AcknowledgementSignal.Overdue && e.Stage != AlertStage.Acknowledged));
                    }).ToList();
                    return TypedResults.Ok(new AlertPage(items, rows.Count > size ? items[^1].Id.ToString() : null));
                })
            .WithName("ListTravelAlerts")
            .WithSummary("Travel alerts, newest first, paged (limit 1-100, default 20; pass next as cursor); filter by requestId.")
            .Produces<AlertPage>();
    }
}
