using Cooperation.ServiceDefaults.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cooperation.ServiceDefaults.Messaging;

/// <summary>
/// /health's "outbox" entry: how many committed messages wait to be sent and how old the oldest is. Past
/// <c>Outbox:DegradedAfter</c> (default 5 minutes) the service is Degraded, not Unhealthy: it still takes
/// requests and keeps every message, but something (the broker, a refused destination) holds delivery up.
/// </summary>
internal sealed class OutboxHealthCheck(CooperationDbContext db, TimeProvider clock, IConfiguration configuration) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var degradedAfter = TimeSpan.TryParse(configuration["Outbox:DegradedAfter"], System.Globalization.CultureInfo.InvariantCulture, out var t)
                            && t > TimeSpan.Zero ? t : TimeSpan.FromMinutes(5);
        var pending = db.OutboxMessages.Where(m => m.SentAt == null);
        var count = await pending.CountAsync(ct);
        var oldest = count == 0 ? (DateTimeOffset?)null
            : await pending.OrderBy(m => m.CreatedAt).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(ct);
        var age = oldest is { } o ? Math.Max(0, (clock.GetUtcNow() - o).TotalSeconds) : 0;
        var data = new Dictionary<string, object>
        {
            ["pending"] = count,
            ["oldestPendingAgeSeconds"] = Math.Round(age, 1),
            ["degradedAfterSeconds"] = degradedAfter.TotalSeconds,
        };
        return age > degradedAfter.TotalSeconds
            ? HealthCheckResult.Degraded("The oldest unsent message is older than Outbox:DegradedAfter.", data: data)
            : HealthCheckResult.Healthy(data: data);
    }
}
