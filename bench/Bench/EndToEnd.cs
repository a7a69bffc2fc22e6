using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Cooperation.Bench;

/// <summary>
/// Partner transmit through the gateway → Delivered recorded at the Registry. Requests are drafted first (not
/// measured), then transmitted at a fixed rate (open loop) or all at once (saturation). Latency is the request's
/// own evidence: Submitted (the Registry's commit of the transmission) → Delivered (the State's receipt), both
/// server clocks on this machine; throughput is transmissions per second until the Registry has recorded every
/// one Delivered. Lost = not Delivered at the Registry within the timeout; duplicated = recorded Delivered more
/// than once at the Registry, or held more than once at the State.
/// </summary>
public static class EndToEnd
{
    public static async Task<string> RunAsync(Partner registry, Partner state, string code, double rate, int count)
    {
        var ids = new string[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            ids[i] = (string)(await registry.PostAsync("/registry/requests", Partner.ArrestRequest(code)))!["id"]!);

        var clock = Stopwatch.StartNew();
        var failures = 0;
        var transmits = new List<Task>();
        async Task Transmit(string id)
        {
            try { await registry.PostAsync($"/registry/requests/{id}/transmit", null); }
            catch (Exception) { Interlocked.Increment(ref failures); }
        }
        if (rate > 0)
            for (var i = 0; i < count; i++)
            {
                var wait = TimeSpan.FromSeconds(i / rate) - clock.Elapsed;
                if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
                transmits.Add(Transmit(ids[i]));
            }
        else
            transmits.Add(Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (id, _) => await Transmit(id)));
        await Task.WhenAll(transmits);
        var sent = clock.Elapsed;

        // Until none of this State's requests is still Transmitted at the Registry (or the timeout).
        var timeout = TimeSpan.FromSeconds(60) + sent;
        while (clock.Elapsed < timeout)
        {
            var page = await registry.GetAsync($"/registry/requests?state={code}&status=Transmitted&limit=1");
            if (page["items"]!.AsArray().Count == 0) break;
            await Task.Delay(20);
        }
        var done = clock.Elapsed;

        var latencies = new Latencies();
        int lost = 0, duplicated = 0;
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, _) =>
        {
            var r = await registry.GetAsync($"/registry/requests/{id}");
            var evidence = r["evidence"]!;
            if (evidence["deliveredAt"] is null || evidence["submittedAt"] is null) { Interlocked.Increment(ref lost); return; }
            latencies.Add((DateTimeOffset.Parse((string)evidence["deliveredAt"]!) - DateTimeOffset.Parse((string)evidence["submittedAt"]!)).TotalMilliseconds);
            if (r["history"]!.AsArray().Count(h => h!["to"]!.ToString() == "Delivered") > 1) Interlocked.Increment(ref duplicated);
        });
        // The State's own copies: each request exactly once.
        var held = new Dictionary<string, int>();
        string? cursor = null;
        do
        {
            var page = await state.GetAsync($"/states/{code}/requests?limit=200" + (cursor is null ? "" : $"&cursor={cursor}"));
            foreach (var item in page["items"]!.AsArray()) held[(string)item!["id"]!] = held.GetValueOrDefault((string)item["id"]!) + 1;
            cursor = (string?)page["next"];
        } while (cursor is not null);
        duplicated += ids.Count(id => held.GetValueOrDefault(id) > 1);
        lost = Math.Max(lost, ids.Count(id => held.GetValueOrDefault(id) == 0));

        return $"offered={(rate > 0 ? rate.ToString("F0") : "max")}/s n={count} delivered/s={count / done.TotalSeconds:F0} wall-ms={done.TotalMilliseconds:F0} " +
               $"p50={latencies.Percentile(50):F1} p99={latencies.Percentile(99):F1} lost={lost} duplicated={duplicated} transmit-errors={failures}";
    }
}
