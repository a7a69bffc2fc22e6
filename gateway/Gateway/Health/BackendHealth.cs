using System.Text.Json;
using Yarp.ReverseProxy;

namespace Cooperation.Gateway.Health;

/// <summary>
/// The gateway's /health: itself plus each backend's own /health, so an operator sees at once
/// which organ or State node is down. Status words only, no exception text.
/// </summary>
public static class BackendHealth
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public static void MapBackendHealth(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/health", async (IProxyStateLookup proxy, IHttpClientFactory clients, CancellationToken ct) =>
        {
            var client = clients.CreateClient(nameof(BackendHealth));
            var checks = proxy.GetClusters()
                .SelectMany(c => c.Destinations.Values.Select(d => (Cluster: c.ClusterId, d.Model.Config.Address)))
                .Select(async b => (b.Cluster, Healthy: await ProbeAsync(client, b.Address, ct)));
            var results = await Task.WhenAll(checks);
            var healthy = results.All(r => r.Healthy);
            var body = new
            {
                status = healthy ? "Healthy" : "Unhealthy",
                backends = results.ToDictionary(r => r.Cluster, r => r.Healthy ? "Healthy" : "Unhealthy"),
            };
            return Results.Json(body, JsonSerializerOptions.Web, statusCode: healthy ? 200 : 503);
        }).AllowAnonymous().ExcludeFromDescription();

    private static async Task<bool> ProbeAsync(HttpClient client, string address, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(Timeout);
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
