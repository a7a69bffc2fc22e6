using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Alerts;
using Cooperation.EndToEnd.Tests.Platform;
using Cooperation.EndToEnd.Tests.Requests;

namespace Cooperation.EndToEnd.Tests.Resilience;

/// <summary>
/// A partner driving whole requests through the gateway: draft, transmit, wait until Delivered, acknowledge at the
/// State, wait until Acknowledged; every POST with an Idempotency-Key, retried with the same key on a transport
/// failure or 5xx (as a partner must when a process dies under its call), GETs polled until they answer.
/// </summary>
public sealed class PartnerLoad(ResiliencePlatform platform, TimeSpan patience)
{
    /// <summary>A request the partner drove: its organ, State and id (null until drafted), and the alert it carried.</summary>
    public sealed record Flow(int Number, string Organ, string State, bool WithAlert)
    {
        public string? Id { get; set; }
        public bool Acknowledged { get; set; }
        public int Retries { get; set; }
    }

    public ConcurrentQueue<string> Log { get; } = new();
    public int Retries => _retries;
    private int _retries;

    public async Task RunAsync(Flow flow, CancellationToken ct = default)
    {
        using var client = platform.Client();
        await RunUntilDeliveredAsync(flow, ct);
        if (flow.WithAlert)
            await PostAsync(client, $"/{flow.Organ}/alerts",
                new { requestId = flow.Id, states = new[] { AlertFlow.Entry(ResiliencePlatform.SilentState) } }, HttpStatusCode.Created, ct);
        await PostAsync(client, $"/states/{flow.State}/requests/{flow.Id}/acknowledge", new { acknowledgedBy = "Central authority, desk 7" },
            HttpStatusCode.OK, ct);
        await WaitAsync(client, $"/{flow.Organ}/requests/{flow.Id}", r => (string)r["status"]! == "Acknowledged", ct);
        flow.Acknowledged = true;
    }

    /// <summary>Drafts and transmits the flow's request, and waits until the organ records it Delivered.</summary>
    public async Task RunUntilDeliveredAsync(Flow flow, CancellationToken ct = default)
    {
        using var client = platform.Client();
        var body = flow.Organ == "prosecutor"
            ? Samples.Complete("OtherAssistance", flow.State)
            : AlertFlow.ArrestRequest(flow.State, $"ICC-01/99-01/26-R{Guid.NewGuid():N}"[..40], "Confidential", $"Fictitious Person {flow.Number}");
        var drafted = await PostAsync(client, $"/{flow.Organ}/requests", body, HttpStatusCode.Created, ct);
        flow.Id = (string)drafted["id"]!;
        await PostAsync(client, $"/{flow.Organ}/requests/{flow.Id}/transmit", null, HttpStatusCode.OK, ct);
        await WaitAsync(client, $"/{flow.Organ}/requests/{flow.Id}", r => (string)r["status"]! is "Delivered" or "Acknowledged", ct);
    }

    private async Task<JsonObject> PostAsync(HttpClient client, string path, object? body, HttpStatusCode expected, CancellationToken ct)
    {
        var key = Guid.NewGuid().ToString();
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            string failure;
            try
            {
                using var response = await DeliveryFlowPost(client, path, body, key, ct);
                var text = await response.Content.ReadAsStringAsync(ct);
                if (response.StatusCode == expected) return text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject();
                // 5xx: the backend died under the call (502 from the gateway) or its database is away; the same key again.
                if ((int)response.StatusCode < 500)
                    throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
                failure = $"{(int)response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                failure = e.GetType().Name;
            }
            Interlocked.Increment(ref _retries);
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"POST {path} did not succeed within {patience.TotalSeconds}s (last: {failure})");
            await Task.Delay(250, ct);
        }
    }

    private static async Task<HttpResponseMessage> DeliveryFlowPost(HttpClient client, string path, object? body, string key, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = body is null ? null : System.Net.Http.Json.JsonContent.Create(body, options: Json.Options),
        };
        message.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(message, ct);
    }

    private async Task WaitAsync(HttpClient client, string path, Func<JsonObject, bool> done, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + patience;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await client.GetAsync(path, ct);
                var text = await response.Content.ReadAsStringAsync(ct);
                last = $"{(int)response.StatusCode} {text}";
                if (response.IsSuccessStatusCode && done(JsonNode.Parse(text)!.AsObject())) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                last = e.GetType().Name;
            }
            await Task.Delay(200, ct);
        }
        throw new TimeoutException($"GET {path} did not reach the expected state within {patience.TotalSeconds}s; last: {last}");
    }
}
