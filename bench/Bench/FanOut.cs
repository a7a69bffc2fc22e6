using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Cooperation.Bench;

/// <summary>
/// One travel alert to every State (POST /registry/alerts), until the Registry's board shows every State's copy
/// Delivered, then every State acknowledges through the gateway with its own token, until the board shows all
/// acknowledged. Times from the issuing call.
/// </summary>
public static class FanOut
{
    public static async Task<string> RunAsync(Partner registry, IReadOnlyDictionary<string, Partner> states)
    {
        var codes = states.Keys.ToList();
        // The alert is about a request (any delivered one will do): the first State's.
        var request = (string)(await registry.PostAsync("/registry/requests", Partner.ArrestRequest(codes[0])))!["id"]!;
        await registry.PostAsync($"/registry/requests/{request}/transmit", null);
        var day = DateOnly.FromDateTime(DateTime.UtcNow);
        var entries = codes.Select((c, i) => new
        {
            stateCode = c, role = i == 0 ? "Destination" : "Transit",
            expectedFrom = day.AddDays(3).ToString("yyyy-MM-dd"), expectedUntil = day.AddDays(5).ToString("yyyy-MM-dd"), knownDetails = (string?)null,
        }).ToList();

        var clock = Stopwatch.StartNew();
        var alert = (string)(await registry.PostAsync("/registry/alerts", new { requestId = request, states = entries }))!["id"]!;
        var issued = clock.Elapsed;
        var delivered = await WaitAsync(registry, alert, clock, e => e["deliveredAt"] is not null);
        await Parallel.ForEachAsync(states, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (s, _) =>
            await s.Value.PostAsync($"/states/{s.Key}/alerts/{alert}/acknowledge", new { acknowledgedBy = "bench desk" }));
        var acknowledged = await WaitAsync(registry, alert, clock, e => (string?)e["stage"] == "Acknowledged");
        return $"states={codes.Count} issue-call-ms={issued.TotalMilliseconds:F0} all-delivered-ms={delivered:F0} all-acknowledged-ms={acknowledged:F0}";
    }

    private static async Task<double> WaitAsync(Partner registry, string alert, Stopwatch clock, Func<JsonNode, bool> done)
    {
        var until = clock.Elapsed + TimeSpan.FromSeconds(120);
        while (clock.Elapsed < until)
        {
            var board = await registry.GetAsync($"/registry/alerts/{alert}");
            if (board["states"]!.AsArray().All(e => done(e!))) return clock.Elapsed.TotalMilliseconds;
            await Task.Delay(20);
        }
        return double.NaN;
    }
}
