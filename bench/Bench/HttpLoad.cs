using System.Diagnostics;
using System.Net.Http.Headers;

namespace Cooperation.Bench;

/// <summary>
/// GET one URL with a bearer token, either at a fixed rate (open loop: each request's latency counts from the
/// moment it was due, so a slow server cannot slow the load down and hide its queueing) or at saturation
/// (closed loop: N connections, each sending its next request as soon as the last answered).
/// </summary>
public static class HttpLoad
{
    public static async Task<string> RunAsync(string url, string token, double rate, int concurrency, TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(concurrency, 64), PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        // Warm-up: connections open, JIT done, token keys fetched by the services.
        for (var i = 0; i < 50; i++) using (await http.GetAsync(url)) { }

        var latencies = new Latencies();
        var errors = 0;
        var clock = Stopwatch.StartNew();
        async Task One(TimeSpan due)
        {
            try
            {
                using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead);
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
            }
            catch (Exception) { Interlocked.Increment(ref errors); }
            latencies.Add((clock.Elapsed - due).TotalMilliseconds);
        }

        if (rate > 0)
        {
            var pending = new List<Task>();
            var n = (int)(rate * duration.TotalSeconds);
            for (var i = 0; i < n; i++)
            {
                var due = TimeSpan.FromSeconds(i / rate);
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
                pending.Add(One(due));
            }
            await Task.WhenAll(pending);
        }
        else
        {
            var end = duration;
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
            {
                while (clock.Elapsed < end) await One(clock.Elapsed);
            }));
        }
        var seconds = clock.Elapsed.TotalSeconds;
        return $"rps={latencies.Count / seconds:F0} p50={latencies.Percentile(50):F2} p99={latencies.Percentile(99):F2} n={latencies.Count} errors={errors}";
    }
}
