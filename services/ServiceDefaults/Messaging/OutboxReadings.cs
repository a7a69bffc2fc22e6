using Cooperation.ServiceDefaults.Persistence;
using Cooperation.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cooperation.ServiceDefaults.Messaging;

/// <summary>
/// The outbox's backlog per destination: rows committed but not yet confirmed by the broker, and the age of the
/// oldest. A destination is an exchange or queue name (an organ's or a State's), never a message's content.
/// </summary>
internal sealed class OutboxReadings(TimeProvider clock) : IOperationalReadings
{
    public const string Pending = "cooperation.outbox.pending";
    public const string OldestAge = "cooperation.outbox.oldest_age";

    public IReadOnlyList<GaugeSpec> Gauges { get; } =
    [
        new(Pending, "{message}", "Outbox rows not yet sent, per destination"),
        new(OldestAge, "s", "Age of the oldest unsent outbox row, per destination"),
    ];

    public async Task ReadAsync(IServiceProvider services, ICollection<Reading> into, CancellationToken ct)
    {
        var db = services.GetRequiredService<CooperationDbContext>();
        // Grouped here, not in SQL: SQLite cannot aggregate DateTimeOffset columns. A backlog is small; a huge one is capped.
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.SentAt == null)
            .Select(m => new { m.Destination, m.CreatedAt }).Take(100_000).ToListAsync(ct);
        var backlog = rows.GroupBy(r => r.Destination)
            .Select(g => new { Destination = g.Key, Count = g.Count(), Oldest = g.Min(r => r.CreatedAt) });
        var now = clock.GetUtcNow();
        // The whole outbox as destination="all", 0 when empty: an alert rule needs a series that exists.
        var all = new KeyValuePair<string, object?>("destination", "all");
        into.Add(new Reading(Pending, rows.Count, all));
        into.Add(new Reading(OldestAge, rows.Count == 0 ? 0 : Math.Max(0, (now - rows.Min(r => r.CreatedAt)).TotalSeconds), all));
        foreach (var b in backlog)
        {
            var destination = new KeyValuePair<string, object?>("destination", Destination(b.Destination));
            into.Add(new Reading(Pending, b.Count, destination));
            into.Add(new Reading(OldestAge, Math.Max(0, (now - b.Oldest).TotalSeconds), destination));
        }
    }

    /// <summary>"exchange:state-uga" → "state-uga": the broker name only.</summary>
    private static string Destination(string uri) => uri[(uri.LastIndexOf(':') + 1)..].Split('?')[0].TrimStart('/');
}
