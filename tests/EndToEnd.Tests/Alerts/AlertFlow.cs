using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Platform;
using RabbitMQ.Client;

namespace Cooperation.EndToEnd.Tests.Alerts;

/// <summary>The steps a travel alert test drives, each with the party's own credentials through the gateway.</summary>
public sealed class AlertFlow(PlatformFixture platform)
{
    public static readonly TimeSpan Soon = TimeSpan.FromSeconds(30);

    /// <summary>Today and a few days ahead (UTC), as the alert's expected dates.</summary>
    public static string Day(int fromToday) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(fromToday).ToString("yyyy-MM-dd");

    public HttpClient Registry() => platform.CreatePartnerClient("registry");
    public HttpClient State(string code) => platform.CreatePartnerClient($"state:{code}");

    /// <summary>An arrest-and-surrender request for a warrant of its own (so no other test's request matches it), delivered to the State.</summary>
    public async Task<(string Id, string Warrant)> DeliveredArrestRequestAsync(
        HttpClient registry, string stateCode, string classification = "Confidential", string person = "Fictitious Person T")
    {
        var warrant = $"ICC-01/99-01/26-T{Guid.NewGuid():N}"[..40];
        using var drafted = await registry.PostJsonAsync("/registry/requests", ArrestRequest(stateCode, warrant, classification, person));
        Assert.True(drafted.StatusCode == HttpStatusCode.Created, await drafted.Content.ReadAsStringAsync());
        var id = (string)(await drafted.ReadObjectAsync())["id"]!;
        using var transmitted = await registry.PostAsync($"/registry/requests/{id}/transmit", null);
        Assert.True(transmitted.StatusCode == HttpStatusCode.OK, await transmitted.Content.ReadAsStringAsync());
        await registry.WaitForAsync($"/registry/requests/{id}", r => (string)r["status"]! == "Delivered", Soon);
        return (id, warrant);
    }

    public static object ArrestRequest(string stateCode, string warrant, string classification, string person) => new
    {
        kind = "ArrestAndSurrender",
        stateCode,
        classification,
        language = "en",
        readers = new[] { "chamber:PTC-II" },
        contents = new
        {
            person = new { name = person, description = "Tall, scar on the left hand" },
            probableLocation = "Capital district",
            warrant = new { reference = warrant, title = "Warrant of arrest", sha256 = new string('a', 64) },
        },
    };

    public static object Entry(string stateCode, string role = "Destination", int from = 3, int until = 5, string? details = null) =>
        new { stateCode, role, expectedFrom = Day(from), expectedUntil = Day(until), knownDetails = details };

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object? body, string? key = null)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = body is null ? null : System.Net.Http.Json.JsonContent.Create(body, options: Json.Options),
        };
        message.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return await client.SendAsync(message);
    }

    public static async Task<JsonObject> IssueAsync(HttpClient registry, string requestId, params object[] states)
    {
        using var issued = await PostAsync(registry, "/registry/alerts", new { requestId, states });
        var text = await issued.Content.ReadAsStringAsync();
        Assert.True(issued.StatusCode == HttpStatusCode.Created, $"{(int)issued.StatusCode} {text}");
        Assert.NotNull(issued.Headers.Location);
        return JsonNode.Parse(text)!.AsObject();
    }

    public static JsonObject EntryOf(JsonObject board, string stateCode) =>
        board["states"]!.AsArray().Single(e => (string)e!["stateCode"]! == stateCode)!.AsObject();

    /// <summary>
    /// Waits until every travel-alert acknowledgement clock at the Registry has fallen or been met (20 s in the
    /// fixture): until then they fire on their own and commit, which a test that watches for changes would take for its own.
    /// </summary>
    public static async Task WaitForAlertClocksAsync(PlatformFixture platform)
    {
        var registry = platform.Database("registry");
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (await registry.CountAsync(
                   """SELECT COUNT(*) FROM deadlines WHERE "FiredAt" IS NULL AND "CancelledAt" IS NULL AND "Kind" = 'AlertAcknowledgement'""") > 0)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("travel-alert acknowledgement clocks still pending after 120 s");
            await Task.Delay(500);
        }
    }

    public static Task<JsonObject> WaitBoardAsync(HttpClient registry, string alertId, Func<JsonObject, bool> done, TimeSpan? timeout = null) =>
        registry.WaitForAsync($"/registry/alerts/{alertId}", done, timeout ?? Soon);

    /// <summary>A queue of the test's own bound to the Assembly's exchange, as the Assembly's service will be: it sees what the Registry sends there.</summary>
    public static async Task<AssemblyTap> TapAssemblyAsync()
    {
        var connection = await Broker.ConnectAsync("admin");
        var channel = await connection.CreateChannelAsync();
        // The same exchange MassTransit declares when the Registry first sends there (fanout, durable).
        await channel.ExchangeDeclareAsync("assembly", ExchangeType.Fanout, durable: true, autoDelete: false);
        var queue = $"e2e-assembly-tap-{Guid.NewGuid():N}"[..32];
        await channel.QueueDeclareAsync(queue, durable: false, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(queue, "assembly", "");
        return new AssemblyTap(connection, channel, queue);
    }
}

public sealed class AssemblyTap(IConnection connection, IChannel channel, string queue) : IAsyncDisposable
{
    /// <summary>Waits for a message in the tap whose JSON body satisfies <paramref name="match"/>; returns its "message" part.</summary>
    public async Task<JsonObject> WaitForAsync(Func<JsonObject, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var seen = new List<JsonObject>();
        while (DateTime.UtcNow < deadline)
        {
            var got = await channel.BasicGetAsync(queue, autoAck: true);
            if (got is null)
            {
                if (seen.FirstOrDefault(match) is { } found) return found;
                await Task.Delay(200);
                continue;
            }
            var envelope = JsonNode.Parse(Encoding.UTF8.GetString(got.Body.Span))!.AsObject();
            var message = envelope["message"]?.AsObject() ?? envelope;
            if (match(message)) return message;
            seen.Add(message);
        }
        throw new TimeoutException($"No matching message reached the Assembly's exchange within {timeout.TotalSeconds}s; saw {seen.Count} others.");
    }

    public async ValueTask DisposeAsync()
    {
        await channel.QueueDeleteAsync(queue);
        await channel.DisposeAsync();
        await connection.DisposeAsync();
    }
}
