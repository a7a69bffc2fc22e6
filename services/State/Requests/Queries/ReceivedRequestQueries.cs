using Cooperation.Requests;
using Cooperation.ServiceDefaults.Problems;
using Cooperation.State.Configuration;
using Cooperation.State.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cooperation.State.Requests.Queries;

public static class ReceivedRequestQueries
{
    private const int MaxPageSize = 200;

    public static void MapReceivedRequestQueries(this IEndpointRouteBuilder routes)
    {
        // Another State's code answers 404, like an unknown id: ids and codes reveal nothing.
        routes.MapGet("/states/{code}/requests/{id:guid}",
                async Task<IResult> (string code, Guid id, StateDbContext db, IOptions<StateOptions> state, CancellationToken ct) =>
                {
                    if (!string.Equals(code, state.Value.NormalizedCode, StringComparison.OrdinalIgnoreCase))
                        return Problems.NotFound("request");
                    var request = await db.Requests.Include(r => r.History).SingleOrDefaultAsync(r => r.Id == id, ct);
                    return request is null ? Problems.NotFound("request") : TypedResults.Ok(ReceivedRequestView.From(request));
                })
            .WithName("GetReceivedRequest")
            .Produces<ReceivedRequestView>();

        routes.MapGet("/states/{code}/requests",
                async Task<IResult> (string code, RequestStatus? status, Guid? cursor, int? limit, StateDbContext db,
                    IOptions<StateOptions> state, CancellationToken ct) =>
                {
                    if (!string.Equals(code, state.Value.NormalizedCode, StringComparison.OrdinalIgnoreCase))
                        return Problems.NotFound("State node");
                    var size = Math.Clamp(limit ?? 50, 1, MaxPageSize);
                    var query = db.Requests.AsQueryable();
                    if (status is not null) query = query.Where(r => r.Status == status);
                    if (cursor is not null)
                    {
                        var after = await db.Requests.Where(r => r.Id == cursor).Select(r => new { r.DeliveredAt, r.Reference })
                            .SingleOrDefaultAsync(ct);
                        if (after is null) return Problems.Invalid(new Dictionary<string, string[]> { ["cursor"] = ["Unknown cursor."] });
                        query = query.Where(r => r.DeliveredAt < after.DeliveredAt
                                                 || (r.DeliveredAt == after.DeliveredAt && string.Compare(r.Reference, after.Reference) < 0));
                    }
                    // Only the summary's columns: never the contents, lifecycle or readers of every row.
                    var rows = await query.OrderByDescending(r => r.DeliveredAt).ThenByDescending(r => r.Reference)
                        .Take(size + 1)
                        .Select(r => new ReceivedRequestSummary(
                            r.Id, r.Reference, r.Kind, r.IssuingOrgan, r.Classification, r.Status, r.Version, r.DeliveredAt))
                        .ToListAsync(ct);
                    var items = rows.Take(size).ToList();
                    return TypedResults.Ok(new ReceivedRequestPage(items, rows.Count > size ? items[^1].Id.ToString() : null));
                })
            .WithName("ListReceivedRequests")
            .Produces<ReceivedRequestPage>()
            .WithSummary("Requests received by this State, newest first.");
    }
}
