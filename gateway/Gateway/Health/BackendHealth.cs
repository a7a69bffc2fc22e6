using System.Text.Json;
using Cooperation.ServiceDefaults.Auth;
using Yarp.ReverseProxy;

namespace Cooperation.Gateway.Health;

/// <summary>
/// The gateway's /health: itself plus each backend's own /health. Anyone gets the aggregate status
/// word; an operator's token (scope <c>operator</c>) also gets each backend's, so the list of
/// backends — which names every State with a node — is not told to strangers ("404, not 403").
/// The probes run at most once per <see cref="CacheFor"/> whoever asks and however often
/// (a flood of /health used to probe every backend per call); anonymous callers are also limited
/// per address (RateLimiting). Status words only, no exception text.
/// </summary>
public static class BackendHealth
{
    /// <summary>How long one round of probes answers /health.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);

    public static void MapBackendHealth(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/health", async (HttpContext http, BackendHealthCache cache, CancellationToken ct) =>
        {
            var report = await cache.GetAsync(ct);
            var status = report.Healthy ? "Healthy" : "Unhealthy";
            object body = Scopes.Of(http.User).Contains(Scopes.Operator)
                ? new { status, checkedAt = report.CheckedAt, backends = report.Backends }
                : new { status, checkedAt = report.CheckedAt };
            return Results.Json(body, JsonSerializerOptions.Web, statusCode: report.Healthy ? 200 : 503);
        }).AllowAnonymous().ExcludeFromDescription();
}

public sealed record HealthReport(bool Healthy, DateTimeOffset CheckedAt, IReadOnlyDictionary<string, string> Backends);

/// <summary>One round of probes shared by every caller until it is <see cref="BackendHealth.CacheFor"/> old.</summary>
public sealed class BackendHealthCache(IProxyStateLookup proxy, IHttpClientFactory clients, TimeProvider clock)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);
    private readonly Lock _lock = new();
    private Task<HealthReport>? _current;

    public Task<HealthReport> GetAsync(CancellationToken ct)
    {
        lock (_lock)
        {
            // A round still running is shared too; a finished one is reused while fresh.
            if (_current is null
                || (_current.IsCompleted && (!_current.IsCompletedSuccessfully || clock.GetUtcNow() - _current.Result.CheckedAt >= BackendHealth.CacheFor)))
                _current = ProbeAllAsync();
            return _current.WaitAsync(ct);
        }
    }

    // Not tied to one caller's cancellation: the round serves everyone who asks meanwhile.
    private async Task<HealthReport> ProbeAllAsync()
    {
        var client = clients.CreateClient(nameof(BackendHealth));
        var checks = proxy.GetClusters()
            .SelectMany(c => c.Destinations.Values.Select(d => (Cluster: c.ClusterId, d.Model.Config.Address)))
            .Select(async b => (b.Cluster, Healthy: await ProbeAsync(client, b.Address)));
        var results = await Task.WhenAll(checks);
        return new HealthReport(
            results.All(r => r.Healthy),
            clock.GetUtcNow(),
            results.GroupBy(r => r.Cluster).ToDictionary(g => g.Key, g => g.All(r => r.Healthy) ? "Healthy" : "Unhealthy"));
    }

    private static async Task<bool> ProbeAsync(HttpClient client, string address)
    {
        using var cts = new CancellationTokenSource(Timeout);
        try
        {
            using var response = await client.GetAsync(new Uri(new Uri(address), "/health"), cts.Token);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return false;
        }
    }
}
