using System.Net;
using System.Text;
using System.Text.Json;
using Cooperation.EndToEnd.Tests.Platform;
using RabbitMQ.Client;

namespace Cooperation.EndToEnd.Tests.Delivery;

/// <summary>
/// A message a consumer cannot handle is retried a bounded number of times, then parked in the
/// _error queue with the reason, having changed nothing; operators list, inspect and replay it.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ErrorQueueTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_reply_about_an_unknown_request_ends_in_the_error_queue_with_its_reason_and_changes_nothing()
    {
        var registry = platform.Database("registry");
        var requestsBefore = await registry.CountAsync("SELECT COUNT(*) FROM requests");
        var historyBefore = await registry.CountAsync("SELECT COUNT(*) FROM request_history");
        var messageId = Guid.NewGuid();
        var unknownRequest = Guid.NewGuid();

        // As the State's node would send it: its own user, to its own exchange bound into the Registry's queue.
        await PublishAsStateAsync(messageId, unknownRequest);

        using var operations = PlatformFixture.CreateClient(platform.Service("registry").BaseAddress, platform.TokenOf("operator-console"));
        var parked = await WaitInErrorQueueAsync(operations, messageId);
        Assert.Equal("registry.from-state-uga_error", (string)parked.GetProperty("queue").GetString()!); // Uganda's own queue at the Registry
        Assert.Equal(unknownRequest, parked.GetProperty("requestId").GetGuid());

        using var inspected = await operations.GetAsync($"/operations/error-queue/{messageId}");
        Assert.Equal(HttpStatusCode.OK, inspected.StatusCode);
        using var detail = JsonDocument.Parse(await inspected.Content.ReadAsStringAsync());
        var headers = detail.RootElement.GetProperty("headers");
        Assert.Contains("UnknownRequestException", headers.GetProperty("MT-Fault-ExceptionType").GetString());
        Assert.Contains($"No request {unknownRequest}", headers.GetProperty("MT-Fault-Message").GetString());
        Assert.DoesNotContain("Fictitious", detail.RootElement.GetRawText()); // ids and fault only, never a body

        // Nothing changed: no inbox row (rolled back with the failed attempt), no request, no history.
        Assert.Equal(0, await registry.CountAsync("""SELECT COUNT(*) FROM inbox_messages WHERE "MessageId" = @m""", ("@m", registry.Id(messageId))));
        Assert.Equal(requestsBefore, await registry.CountAsync("SELECT COUNT(*) FROM requests"));
        Assert.Equal(historyBefore, await registry.CountAsync("SELECT COUNT(*) FROM request_history"));

        // Replay sends it back through the consumer; still unknown, it returns to the error queue, once.
        using var replay = new HttpRequestMessage(HttpMethod.Post, $"/operations/error-queue/{messageId}/replay");
        replay.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var replayed = await operations.SendAsync(replay);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        await WaitInErrorQueueAsync(operations, messageId, failedAfter: parked.GetProperty("faultTimestamp").GetString());
    }

    /// <summary>A RequestDelivered about <paramref name="requestId"/> as Uganda's node would send it; an unknown request fails at the Registry.</summary>
    internal static async Task PublishAsStateAsync(Guid messageId, Guid requestId)
    {
        var now = DateTimeOffset.UtcNow;
        var envelope = new
        {
            messageId,
            messageType = new[] { "urn:message:Cooperation.Contracts.Requests:RequestDelivered" },
            message = new
            {
                requestId,
                requestVersion = 1,
                senderOrgan = "State",
                classification = "Confidential",
                sentAt = now,
                readers = Array.Empty<string>(),
                stateCode = "UGA",
                deliveredAt = now,
            },
            sentTime = now,
            headers = new { },
        };
        await using var connection = await Broker.ConnectAsync("state-uga");
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties
        {
            MessageId = messageId.ToString(),
            ContentType = "application/vnd.masstransit+json",
            Persistent = true,
        };
        await channel.BasicPublishAsync("state-uga.to-registry", "", mandatory: false, properties,
            Encoding.UTF8.GetBytes(JsonSerializer.Serialize(envelope, Json.Options)));
    }

    /// <summary>
    /// Waits for the message in the error queue; with <paramref name="failedAfter"/>, for its copy
    /// from a later failure (a hopeless message fails again within milliseconds of a replay, so
    /// the fault time tells the copies apart, not a moment of absence).
    /// </summary>
    private static async Task<JsonElement> WaitInErrorQueueAsync(HttpClient operations, Guid messageId, string? failedAfter = null)
    {
        var deadline = DateTime.UtcNow + DeliveryFlow.Soon;
        var mustReappear = failedAfter is not null;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            last = await operations.GetStringAsync("/operations/error-queue?limit=500");
            using var page = JsonDocument.Parse(last);
            var matches = page.RootElement.GetProperty("items").EnumerateArray()
                .Where(i => i.GetProperty("messageId").GetString() == messageId.ToString()).Select(i => i.Clone()).ToList();
            if (matches.Count > 0 && (failedAfter is null || matches.Any(m => m.GetProperty("faultTimestamp").GetString() != failedAfter)))
            {
                Assert.Single(matches);
                return matches[0];
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"message {messageId} did not {(mustReappear ? "come back to" : "reach")} the error queue; last page: {last}");
    }
}
