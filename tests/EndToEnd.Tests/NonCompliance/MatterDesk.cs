using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Platform;
using Cooperation.EndToEnd.Tests.Requests;
using RabbitMQ.Client;

namespace Cooperation.EndToEnd.Tests.NonCompliance;

/// <summary>Steps of a non-compliance matter as the Registry's desk records them through the gateway.</summary>
public static class MatterDesk
{
    public static readonly TimeSpan Soon = TimeSpan.FromSeconds(30);

    public static string Day(int offset) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(offset).ToString("yyyy-MM-dd");

    /// <summary>Drafts and transmits a request to the State (a matter needs a request the Registry issued); returns its id.</summary>
    public static async Task<string> TransmittedAsync(HttpClient desk, string state, string classification = "Confidential", bool delivered = true)
    {
        using var drafted = await desk.PostJsonAsync("/registry/requests", Samples.ArrestAndSurrender(state, classification: classification));
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var id = (string)(await drafted.ReadObjectAsync())["id"]!;
        using var transmitted = await desk.PostAsync($"/registry/requests/{id}/transmit", null);
        Assert.True(transmitted.StatusCode == HttpStatusCode.OK, await transmitted.Content.ReadAsStringAsync());
        if (delivered) await desk.WaitForAsync($"/registry/requests/{id}", r => (string)r["status"]! == "Delivered", Soon);
        return id;
    }

    public static async Task<JsonObject> OpenAsync(HttpClient desk, string requestId, bool securityCouncilSituation = false)
    {
        using var opened = await desk.PostJsonAsync("/registry/matters",
            // Suspected some time ago, so a decision recorded after the fact (InvitedLongAgoAsync) follows it.
            new { requestId, suspectedOn = Day(-60), situation = "ICC-01/99", situationReferredBySecurityCouncil = securityCouncilSituation });
        var body = await opened.Content.ReadAsStringAsync();
        Assert.True(opened.StatusCode == HttpStatusCode.Created, $"{(int)opened.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Records a step; asserts 200 and returns the matter.</summary>
    public static async Task<JsonObject> StepAsync(HttpClient desk, string matterId, string step, object body)
    {
        using var response = await desk.PostJsonAsync($"/registry/matters/{matterId}/{step}", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{step}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Records a step that must be refused; returns the problem.</summary>
    public static async Task<JsonObject> RefusedAsync(HttpClient desk, string matterId, string step, object body, HttpStatusCode expected)
    {
        using var response = await desk.PostJsonAsync($"/registry/matters/{matterId}/{step}", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{step}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Invited some time ago with the reply-by date already past, so the finding may follow (Regulation 109).</summary>
    public static Task<JsonObject> InvitedLongAgoAsync(HttpClient desk, string matterId) =>
        StepAsync(desk, matterId, "observations-invitation", new { decisionReference = "ICC-01/99-01/26-10", decidedOn = Day(-30), replyBy = Day(-1) });

    public static Task<JsonObject> FindingAsync(HttpClient desk, string matterId) =>
        StepAsync(desk, matterId, "finding",
            new { decisionReference = "ICC-01/99-01/26-20", decidedOn = Day(0), failureContraryToStatute = true, preventsCourtFunctions = true });

    public static IEnumerable<string> Steps(JsonObject matter) => matter["steps"]!.AsArray().Select(s => (string)s!["step"]!);
}

/// <summary>
/// A queue of the test's own bound to the Assembly's exchange on the test broker: every Registry → Assembly message
/// lands here too (the Assembly's service is another's work), so a test can see what the Assembly would receive.
/// </summary>
public sealed class AssemblyTap : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly string _queue;

    private AssemblyTap(IConnection connection, IChannel channel, string queue) => (_connection, _channel, _queue) = (connection, channel, queue);

    public static async Task<AssemblyTap> OpenAsync()
    {
        var connection = await Platform.Broker.ConnectAsync("admin");
        var channel = await connection.CreateChannelAsync();
        // The exchange MassTransit declares for exchange:assembly (fanout, durable), if nobody declared it yet.
        await channel.ExchangeDeclareAsync(Contracts.Addresses.AssemblyQueue, ExchangeType.Fanout, durable: true);
        var queue = $"test-assembly-tap-{Guid.NewGuid():N}";
        await channel.QueueDeclareAsync(queue, durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(queue, Contracts.Addresses.AssemblyQueue, "");
        return new AssemblyTap(connection, channel, queue);
    }

    /// <summary>The envelopes received so far whose message is about <paramref name="caseId"/>.</summary>
    public async Task<List<JsonObject>> DrainAsync(string caseId, List<JsonObject>? into = null)
    {
        into ??= [];
        while (await _channel.BasicGetAsync(_queue, autoAck: true) is { } got)
        {
            var envelope = JsonNode.Parse(Encoding.UTF8.GetString(got.Body.Span))!.AsObject();
            if ((string?)envelope["message"]?["caseId"] == caseId) into.Add(envelope);
        }
        return into;
    }

    public async Task<List<JsonObject>> WaitForAsync(string caseId, int count, TimeSpan timeout)
    {
        var seen = new List<JsonObject>();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            await DrainAsync(caseId, seen);
            if (seen.Count >= count) return seen;
            await Task.Delay(200);
        }
        throw new TimeoutException($"{seen.Count} of {count} Assembly notifications about {caseId} arrived within {timeout.TotalSeconds}s");
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
