using Cooperation.Deadlines;
using Cooperation.ServiceDefaults.Problems;
using Cooperation.Proceedings.Deadlines;
using Cooperation.State.Configuration;
using Cooperation.State.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cooperation.State.Deadlines;

public sealed record StateDeadlinesView(IReadOnlyList<OwnDeadlineView> Own, IReadOnlyList<DeadlineNoticeView> Notices);

/// <summary>A deadline this node keeps (e.g. a reply-by date it owes).</summary>
public sealed record OwnDeadlineView(
    Guid Id, DeadlineKind Kind, DateTimeOffset DueAt, Guid? ConsultationId, IReadOnlyList<DateTimeOffset> Reminders, int RemindersSent,
    DateTimeOffset? FiredAt, DateTimeOffset? CancelledAt);

/// <summary>A reminder or miss the issuing organ sent about a deadline it keeps (e.g. RPE 188 documents).</summary>
public sealed record DeadlineNoticeView(Guid DeadlineId, DeadlineNoticeType Type, DeadlineKind Kind, DateTimeOffset DueAt, Guid? ConsultationId, int? Reminder, DateTimeOffset ReceivedAt);

public static class StateDeadlineEndpoints
{
    public static void MapStateDeadlines(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/states/{code}/requests/{id:guid}/deadlines",
                async Task<IResult> (string code, Guid id, StateDbContext db, IDeadlineScheduler deadlines, IOptions<StateOptions> state, CancellationToken ct) =>
                {
                    if (!string.Equals(code, state.Value.NormalizedCode, StringComparison.OrdinalIgnoreCase)) return Problems.NotFound("request");
                    if (await db.Requests.FindAsync([id], ct) is null) return Problems.NotFound("request");
                    var own = (await deadlines.ForRequestAsync(id, ct)).Select(d => new OwnDeadlineView(
                        d.Id, d.Kind, d.DueAt, d.ConsultationId, d.Reminders, d.RemindersSent, d.FiredAt, d.CancelledAt)).ToList();
                    var notices = (await db.DeadlineNotices.AsNoTracking().Where(n => n.RequestId == id).ToListAsync(ct))
                        .OrderBy(n => n.ReceivedAt)
                        .Select(n => new DeadlineNoticeView(n.DeadlineId, n.Type, n.Kind, n.DueAt, n.ConsultationId, n.Reminder, n.ReceivedAt)).ToList();
                    return TypedResults.Ok(new StateDeadlinesView(own, notices));
                })
            .Produces<StateDeadlinesView>(StatusCodes.Status200OK)
            .WithName("StateRequestDeadlines")
            .WithSummary("Deadlines on a request: those this State keeps, and reminders or misses the issuing organ sent.");
}
