using Cooperation.Alerts;
using Cooperation.Court.Persistence;
using Cooperation.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cooperation.Court.Alerts;

/// <summary>
/// Travel alerts not yet acknowledged by the State, by signal (None, Warning, Overdue). No State label: which States
/// a wanted person is expected in is as confidential as the warrant (issue 9 §1), so only the totals are measured.
/// </summary>
internal sealed class AlertReadings : IOperationalReadings
{
    public const string Unacknowledged = "cooperation.alerts.unacknowledged";

    public IReadOnlyList<GaugeSpec> Gauges { get; } = [new(Unacknowledged, "{alert}", "Travel-alert entries a State has not acknowledged, by signal")];

    public async Task ReadAsync(IServiceProvider services, ICollection<Reading> into, CancellationToken ct)
    {
        var db = services.GetRequiredService<CourtDbContext>();
        var counts = await db.TravelAlertEntries.AsNoTracking().Where(e => e.Stage != AlertStage.Acknowledged)
            .GroupBy(e => e.Signal).Select(g => new { Signal = g.Key, Count = g.Count() }).ToListAsync(ct);
        foreach (var signal in Enum.GetValues<AcknowledgementSignal>())
            into.Add(new Reading(Unacknowledged, counts.FirstOrDefault(c => c.Signal == signal)?.Count ?? 0,
                new KeyValuePair<string, object?>("signal", signal.ToString())));
    }
}
