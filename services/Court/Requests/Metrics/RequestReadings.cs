using Cooperation.Confidentiality;
using Cooperation.Court.Persistence;
using Cooperation.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cooperation.Court.Requests.Metrics;

/// <summary>
/// This organ's requests by requested State and status, for operators. A sealed or ex parte request is counted
/// under the State label "withheld": a per-State figure must not tell even an operator's dashboard that a sealed
/// request exists for a given State (Art 87(3); confidentiality is a correctness property).
/// </summary>
internal sealed class RequestReadings : IOperationalReadings
{
    public const string Requests = "cooperation.requests";
    public const string Withheld = "withheld";

    public IReadOnlyList<GaugeSpec> Gauges { get; } = [new(Requests, "{request}", "Requests by requested State and status (sealed ones under state=withheld)")];

    public async Task ReadAsync(IServiceProvider services, ICollection<Reading> into, CancellationToken ct)
    {
        var db = services.GetRequiredService<CourtDbContext>();
        var groups = await db.Requests.AsNoTracking()
            .GroupBy(r => new { r.StateCode, r.Status, r.Classification })
            .Select(g => new { g.Key.StateCode, g.Key.Status, g.Key.Classification, Count = g.Count() })
            .ToListAsync(ct);
        foreach (var g in groups
                     .GroupBy(x => (State: x.Classification is Classification.UnderSeal or Classification.ExParte ? Withheld : x.StateCode, x.Status))
                     .Select(g => (g.Key.State, g.Key.Status, Count: g.Sum(x => x.Count))))
            into.Add(new Reading(Requests, g.Count,
                new KeyValuePair<string, object?>("state", g.State), new KeyValuePair<string, object?>("status", g.Status.ToString())));
    }
}
