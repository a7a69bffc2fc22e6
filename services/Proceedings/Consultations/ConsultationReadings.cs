using Cooperation.Consultations;
using Cooperation.Proceedings.Persistence;
using Cooperation.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cooperation.Proceedings.Consultations;

/// <summary>Open Art 97 consultations by how long they have been open: the older, the more "without delay" is at stake.</summary>
internal sealed class ConsultationReadings(TimeProvider clock) : IOperationalReadings
{
    public const string Open = "cooperation.consultations.open";

    public IReadOnlyList<GaugeSpec> Gauges { get; } = [new(Open, "{consultation}", "Open consultations, by age (under-1d, 1d-7d, over-7d)")];

    public async Task ReadAsync(IServiceProvider services, ICollection<Reading> into, CancellationToken ct)
    {
        var db = services.GetRequiredService<ProceedingsDbContext>();
        var opened = await db.Consultations.AsNoTracking().Where(c => c.Status == ConsultationStatus.Open)
            .Select(c => c.OpenedAt).Take(100_000).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var buckets = new Dictionary<string, int> { ["under-1d"] = 0, ["1d-7d"] = 0, ["over-7d"] = 0 };
        foreach (var at in opened)
        {
            var age = now - at;
            buckets[age < TimeSpan.FromDays(1) ? "under-1d" : age <= TimeSpan.FromDays(7) ? "1d-7d" : "over-7d"]++;
        }
        foreach (var (age, count) in buckets) into.Add(new Reading(Open, count, new KeyValuePair<string, object?>("age", age)));
    }
}
