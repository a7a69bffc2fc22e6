using System.Net;
using Cooperation.EndToEnd.Tests.Platform;
using Cooperation.EndToEnd.Tests.Requests;

namespace Cooperation.EndToEnd.Tests.Delivery;

/// <summary>The arrest flow as a partner system drives it, with Idempotency-Keys, plus the exactly-once checks.</summary>
/// <param name="organ">The issuing organ driving it: registry (an arrest request) or prosecutor (its own assistance request).</param>
public sealed class DeliveryFlow(PlatformFixture platform, string organ = "registry")
{
    public string Organ => organ;

    public static readonly TimeSpan Soon = TimeSpan.FromSeconds(30);
    public const string State = "UGA";
    public const string StateService = "state-uga";

    public async Task<string> DraftAsync(HttpClient partner)
    {
        var body = organ == "prosecutor" ? Samples.Complete("OtherAssistance", State) : Samples.ArrestAndSurrender(State);
        using var drafted = await PostAsync(partner, $"/{organ}/requests", body, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        return (string)(await drafted.ReadObjectAsync())["id"]!;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient partner, string path, object? body, string key)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = body is null ? null : System.Net.Http.Json.JsonContent.Create(body, options: Json.Options),
        };
        message.Headers.Add("Idempotency-Key", key);
        return await partner.SendAsync(message);
    }

    /// <summary>One POST; a transport failure or 5xx (the service died under it) is returned as null.</summary>
    public static async Task<HttpResponseMessage?> TryPostAsync(HttpClient partner, string path, object? body, string key)
    {
        try
        {
            var response = await PostAsync(partner, path, body, key);
            if ((int)response.StatusCode < 500) return response;
            response.Dispose();
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    public Task<System.Text.Json.Nodes.JsonObject> WaitForRegistryAsync(HttpClient partner, string id, string status) =>
        partner.WaitForAsync($"/{organ}/requests/{id}", r => (string)r["status"]! == status, Soon);

    /// <summary>
    /// The request ended Acknowledged exactly once on both sides: one history entry per step, one
    /// copy at the State, every outbox row sent exactly once as a row, and exactly one inbox row per
    /// message at its receiver.
    /// </summary>
    public async Task AssertExactlyOnceAsync(HttpClient partner, string id)
    {
        var registryView = await WaitForRegistryAsync(partner, id, "Acknowledged");
        Assert.Equal(["request-drafted", "request-ready", "request-transmitted", "request-delivered", "request-acknowledged"],
            registryView["history"]!.AsArray().Select(h => (string)h!["what"]!).ToArray());

        var stateView = await partner.WaitForAsync($"/states/{State}/requests/{id}", _ => true, Soon);
        Assert.Equal("Acknowledged", (string)stateView["status"]!);

        var registry = platform.Database(organ);
        var state = platform.Database(StateService);
        var guid = Guid.Parse(id);
        Assert.Equal(1, await registry.CountAsync("""SELECT COUNT(*) FROM requests WHERE "Reference" = @r""", ("@r", (string)registryView["reference"]!)));
        Assert.Equal(1, await state.CountAsync("""SELECT COUNT(*) FROM requests WHERE "Id" = @id""", ("@id", state.Id(guid))));

        // Sender outboxes: one row per message the flow caused, all sent (after a crash the mark may lag a moment).
        var registryOutbox = await WaitAllSentAsync(registry, id, expected: 1);
        var stateOutbox = await WaitAllSentAsync(state, id, expected: 2);

        // Receiver inboxes: exactly one row per message, whatever was redelivered or resent.
        foreach (var messageId in registryOutbox)
            Assert.Equal(1, await state.CountAsync("""SELECT COUNT(*) FROM inbox_messages WHERE "MessageId" = @m""", ("@m", state.Id(messageId))));
        foreach (var messageId in stateOutbox)
            Assert.Equal(1, await registry.CountAsync("""SELECT COUNT(*) FROM inbox_messages WHERE "MessageId" = @m""", ("@m", registry.Id(messageId))));
    }

    /// <summary>Outbox rows of one request (by the request id in their body), once all are marked sent.</summary>
    public static async Task<List<Guid>> WaitAllSentAsync(ServiceDatabase db, string requestId, int expected)
    {
        var like = $"%{requestId.ToLowerInvariant()}%";
        var deadline = DateTime.UtcNow + Soon;
        while (true)
        {
            var total = await db.CountAsync("""SELECT COUNT(*) FROM outbox_messages WHERE "Body" LIKE @b""", ("@b", like));
            var unsent = await db.CountAsync("""SELECT COUNT(*) FROM outbox_messages WHERE "Body" LIKE @b AND "SentAt" IS NULL""", ("@b", like));
            Assert.Equal(expected, total);
            if (unsent == 0) break;
            if (DateTime.UtcNow > deadline) Assert.Fail($"{unsent} outbox rows of {requestId} still unsent");
            await Task.Delay(100);
        }
        var ids = await db.StringsAsync("""SELECT "Id" FROM outbox_messages WHERE "Body" LIKE @b""", ("@b", like));
        return ids.Select(Guid.Parse).ToList();
    }
}
