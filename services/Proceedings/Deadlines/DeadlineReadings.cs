using Cooperation.Proceedings.Persistence;
using Cooperation.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cooperation.Proceedings.Deadlines;

/// <summary>Deadlines this service keeps: pending ones falling within 24 hours, and those that fell unmet, by kind.</summary>
internal sealed class DeadlineReadings(TimeProvider clock) : IOperationalReadings
{
    public const string DueWithin24h = "cooperation.deadlines.due_within_24h";
    public const string Missed = "cooperation.deadlines.missed_total";

    public IReadOnlyList<GaugeSpec> Gauges { get; } =
    [
        new(DueWithin24h, "{deadline}", "Pending deadlines due within 24 hours, by kind"),
        new(Missed, "{deadline}", "Deadlines that fell unmet (kept for the record), by kind"),
    ];

    public async Task ReadAsync(IServiceProvider services, ICollection<Reading> into, CancellationToken ct)
    {
        var db = services.GetRequiredService<ProceedingsDbContext>();
        var now = clock.GetUtcNow();
        var horizon = now.AddHours(24);
        // Kinds and dates only; grouped here (SQLite cannot compare DateTimeOffset columns in every query shape).
        var rows = await db.Deadlines.AsNoTracking().Where(d => d.CancelledAt == null)
            .Select(d => new { d.Kind, d.DueAt, d.FiredAt }).Take(100_000).ToListAsync(ct);
        // Every kind, zero included: an alert rule on a series that does not exist yet would never fire.
        foreach (var k in Enum.GetValues<Cooperation.Deadlines.DeadlineKind>())
        {
            var kind = new KeyValuePair<string, object?>("kind", k.ToString());
            into.Add(new Reading(DueWithin24h, rows.Count(r => r.Kind == k && r.FiredAt == null && r.DueAt <= horizon), kind));
            into.Add(new Reading(Missed, rows.Count(r => r.Kind == k && r.FiredAt != null), kind));
        }
    }
}
