using Cooperation.Alerts;
using Cooperation.Contracts;
using Cooperation.Contracts.NonCompliance;
using Cooperation.Court.Alerts.Queries;
using Cooperation.Court.Persistence;
using Cooperation.Proceedings.Lifecycle;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Court.Alerts.Assembly;

public static class NotifyAssemblyEndpoint
{
    public static void MapNotifyAssembly(this IEndpointRouteBuilder routes, CourtOrgan organ) =>
        routes.MapPost($"{organ.RoutePrefix}/alerts/{{id:guid}}/states/{{code}}/notify-assembly",
                (Guid id, string code, CourtDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken ct) =>
                    ConcurrentChange.RetryAsync(db, async () =>
                    {
                        var alert = await db.TravelAlerts.Include(a => a.Entries).SingleOrDefaultAsync(a => a.Id == id, ct);
                        var entry = alert?.Entries.SingleOrDefault(e => string.Equals(e.StateCode, code, StringComparison.OrdinalIgnoreCase));
                        if (alert is null || entry is null) return (IResult)Problems.NotFound("alert for that State");
                        var now = clock.GetUtcNow();
                        if (entry.Apply(new AlertCommand.NotifyAssemblyOfIncident(now)) is AlertDecision.Refused refused)
                            return AlertProblems.Refused(refused);
                        outbox.Send(Addresses.ToAssembly, AssemblyNotice.For(alert, entry, NotificationReason.ImminentIncident, now));
                        await db.SaveChangesAsync(ct);
                        AlertMetrics.AssemblyNotifications.Add(1);
                        return TypedResults.Ok(AlertView.From(alert));
                    }))
            .WithIdempotency()
            .Produces<Queries.AlertView>(StatusCodes.Status200OK)
            .WithName("NotifyAssemblyOfImminentIncident")
            .WithSummary("The Registry chooses to notify the Assembly's side of an imminent serious incident of non-cooperation for one State of the alert.");
}
