using Cooperation.Court.Persistence;
using Cooperation.Proceedings.Arrest;
using Cooperation.ServiceDefaults.Problems;
using Cooperation.Proceedings.Deadlines;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Court.Deadlines;

public sealed record DeadlineView(
    Guid Id, Cooperation.Deadlines.DeadlineKind Kind, DateTimeOffset DueAt, Guid? ConsultationId, string? StateCode,
    IReadOnlyList<DateTimeOffset> Reminders, int RemindersSent, DateTimeOffset? FiredAt, DateTimeOffset? CancelledAt)
{
    public static DeadlineView From(ScheduledDeadline d) =>
        new(d.Id, d.Kind, d.DueAt, d.ConsultationId, d.StateCode, d.Reminders, d.RemindersSent, d.FiredAt, d.CancelledAt);
}

public static class DeadlineEndpoints
{
    public static void MapCourtDeadlines(this IEndpointRouteBuilder routes, CourtOrgan organ)
    {
        routes.MapGet($"{organ.RoutePrefix}/requests/{{id:guid}}/deadlines",
                async Task<IResult> (Guid id, CourtDbContext db, IDeadlineScheduler deadlines, CancellationToken ct) =>
                    await db.Requests.AnyAsync(r => r.Id == id && r.IssuingOrgan == organ.Organ, ct)
                        ? TypedResults.Ok((await deadlines.ForRequestAsync(id, ct)).Select(DeadlineView.From).ToList())
                        : Problems.NotFound("request"))
            .Produces<List<DeadlineView>>(StatusCodes.Status200OK)
            .WithName($"{organ.Organ}RequestDeadlines")
            .WithSummary("The request's deadlines: due time, reminders sent, fired (missed) or cancelled (met).");

        routes.MapGet($"{organ.RoutePrefix}/requests/{{id:guid}}/arrest",
                async Task<IResult> (Guid id, CourtDbContext db, CancellationToken ct) =>
                {
                    if (!await db.Requests.AnyAsync(r => r.Id == id && r.IssuingOrgan == organ.Organ, ct)) return Problems.NotFound("request");
                    var path = await db.ArrestPaths.FindAsync([id], ct);
                    return path is null ? Problems.NotFound("arrest path") : TypedResults.Ok(ArrestPathView.From(path));
                })
            .Produces<ArrestPathView>(StatusCodes.Status200OK)
            .WithName($"{organ.Organ}ArrestPath")
            .WithSummary("Where the person sought stands, as the State reported it (RPE 188 documents due date included).");
    }
}
