using System.Net;
using System.Text;
using System.Text.Json;
using Cooperation.EndToEnd.Tests.Platform;
using RabbitMQ.Client;

namespace Cooperation.EndToEnd.Tests.Security.Broker;

/// <summary>
/// What a State holding only its own broker credentials can do: publish a hand-made MassTransit
/// envelope with raw AMQP to an exchange it may write. The attacks of issue 16 are built from this.
/// </summary>
public static class BrokerAttack
{
    public static readonly TimeSpan Soon = TimeSpan.FromSeconds(30);

    /// <summary>The MassTransit message type of a contract, e.g. urn:message:Cooperation.Contracts.Requests:RequestDelivered.</summary>
    public static string Urn<T>() => $"urn:message:{typeof(T).Namespace}:{typeof(T).Name}";

    /// <summary>Publishes <paramref name="message"/> as <paramref name="user"/> (the run's real password) with publisher confirms.</summary>
    public static async Task PublishAsync(string user, string exchange, string messageType, object message, Guid messageId)
    {
        await using var connection = await Platform.Broker.ConnectAsync(user);
        await PublishAsync(connection, exchange, messageType, message, messageId);
    }

    public static async Task PublishAsync(IConnection connection, string exchange, string messageType, object message, Guid messageId)
    {
        var envelope = new
        {
            messageId,
            messageType = new[] { messageType },
            message,
            sentTime = DateTimeOffset.UtcNow,
            headers = new { },
        };
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties
        {
            MessageId = messageId.ToString(),
            ContentType = "application/vnd.masstransit+json",
            Persistent = true,
        };
        await channel.BasicPublishAsync(exchange, "", mandatory: false, properties,
            Encoding.UTF8.GetBytes(JsonSerializer.Serialize(envelope, Json.Options)));
    }

    /// <summary>
    /// Waits until the service has parked the message in one of its error queues and returns what
    /// its operators' endpoint shows of it (queue, ids, transport headers with the fault reason).
    /// </summary>
    public static async Task<JsonElement> WaitParkedAsync(HttpClient operations, Guid messageId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Soon);
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            using var response = await operations.GetAsync($"/operations/error-queue/{messageId}");
            last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            if (response.StatusCode == HttpStatusCode.OK)
            {
                using var doc = JsonDocument.Parse(last[4..]);
                return doc.RootElement.Clone();
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"message {messageId} was not refused into an error queue within {(timeout ?? Soon).TotalSeconds}s " +
                                   $"(accepted instead?); last answer: {last}");
    }

    public static string Header(JsonElement parked, string name) =>
        parked.GetProperty("headers").TryGetProperty(name, out var value) ? value.GetString() ?? "" : "";
}
