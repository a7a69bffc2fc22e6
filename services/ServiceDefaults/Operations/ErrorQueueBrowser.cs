using System.Text;
using System.Text.Json;
using Cooperation.ServiceDefaults.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Cooperation.ServiceDefaults.Operations;

/// <summary>A message waiting in an _error queue, described by ids and fault only: its body may be sealed, so it never leaves the broker here.</summary>
public sealed record ErrorQueueMessage(
    string Queue,
    string? MessageId,
    IReadOnlyList<string> MessageTypes,
    Guid? RequestId,
    int? RequestVersion,
    string? Classification,
    string? FaultExceptionType,
    string? FaultMessage,
    string? FaultConsumerType,
    string? FaultTimestamp,
    IReadOnlyDictionary<string, string>? Headers);

public sealed record ErrorQueuePage(IReadOnlyList<ErrorQueueSummary> Queues, IReadOnlyList<ErrorQueueMessage> Items);

public sealed record ErrorQueueSummary(string Queue, uint MessageCount);

public enum ReplayOutcome { Replayed, NotFound, NotPermitted }

/// <summary>
/// Lists, inspects and replays the service's own _error queues over AMQP with the service's own
/// broker user (no management rights needed). Browsing takes messages with basic.get without
/// acknowledging them and closes the channel, which puts them back in their places; replay
/// publishes the message (same message id, fault headers removed) to the input queue's exchange
/// with publisher confirms and only then acknowledges it off the error queue. A crash between the
/// two leaves a copy in both queues; replaying it again is absorbed by the consumer's inbox.
/// </summary>
public sealed class ErrorQueueBrowser(IOptions<BrokerOptions> broker, ReceiveQueues queues, IHostEnvironment environment, Messaging.BrokerTls tls)
{
    public const int MaxBrowse = 500;

    public async Task<ErrorQueuePage> ListAsync(int limit, CancellationToken ct)
    {
        await using var connection = await ConnectAsync(ct);
        var summaries = new List<ErrorQueueSummary>();
        var items = new List<ErrorQueueMessage>();
        foreach (var queue in ErrorQueues)
        {
            await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
            var count = await MessageCountAsync(channel, queue, ct);
            if (count is null) continue;
            summaries.Add(new ErrorQueueSummary(queue, count.Value));
            for (var i = 0; i < count && items.Count < limit; i++)
            {
                var got = await channel.BasicGetAsync(queue, autoAck: false, ct);
                if (got is null) break;
                items.Add(Describe(queue, got, withHeaders: false));
            }
            // Disposing the channel without acking returns every message to its place.
        }
        return new ErrorQueuePage(summaries, items);
    }

    public async Task<ErrorQueueMessage?> FindAsync(string messageId, CancellationToken ct)
    {
        await using var connection = await ConnectAsync(ct);
        foreach (var queue in ErrorQueues)
        {
            await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
            if (await FindInAsync(channel, queue, messageId, ct) is { } got) return Describe(queue, got, withHeaders: true);
        }
        return null;
    }

    public async Task<ReplayOutcome> ReplayAsync(string messageId, CancellationToken ct)
    {
        await using var connection = await ConnectAsync(ct);
        foreach (var queue in ErrorQueues)
        {
            await using var channel = await connection.CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
            var got = await FindInAsync(channel, queue, messageId, ct);
            if (got is null) continue;

            var input = queue[..^"_error".Length];
            var properties = new BasicProperties(got.BasicProperties)
            {
                Headers = got.BasicProperties.Headers?
                    .Where(h => !h.Key.StartsWith("MT-Fault", StringComparison.Ordinal) && h.Key != "MT-Reason")
                    .ToDictionary(h => h.Key, h => h.Value),
            };
            try
            {
                // MassTransit binds an exchange of the queue's name to each input queue.
                await channel.BasicPublishAsync(input, "", mandatory: false, properties, got.Body, ct);
                await channel.BasicAckAsync(got.DeliveryTag, multiple: false, ct);
            }
            catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 403)
            {
                return ReplayOutcome.NotPermitted;
            }
            return ReplayOutcome.Replayed;
        }
        return ReplayOutcome.NotFound;
    }

    private IEnumerable<string> ErrorQueues => queues.Names.Select(q => q + "_error");

    private async Task<IConnection> ConnectAsync(CancellationToken ct)
    {
        var o = broker.Value;
        var factory = new ConnectionFactory
        {
            HostName = o.Host,
            Port = o.Port,
            VirtualHost = o.VirtualHost,
            UserName = o.Username,
            Password = o.Password,
        };
        tls.Apply(factory, o);
        return await factory.CreateConnectionAsync($"{environment.ApplicationName} operations", ct);
    }

    private static async Task<uint?> MessageCountAsync(IChannel channel, string queue, CancellationToken ct)
    {
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, ct)).MessageCount;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return null; // no message has failed here yet, so the queue was never declared
        }
    }

    private static async Task<BasicGetResult?> FindInAsync(IChannel channel, string queue, string messageId, CancellationToken ct)
    {
        var count = await MessageCountAsync(channel, queue, ct);
        for (var i = 0; i < Math.Min(count ?? 0, MaxBrowse); i++)
        {
            var got = await channel.BasicGetAsync(queue, autoAck: false, ct);
            if (got is null) return null;
            if (got.BasicProperties.MessageId == messageId) return got;
        }
        return null;
    }

    private static ErrorQueueMessage Describe(string queue, BasicGetResult got, bool withHeaders)
    {
        var headers = (got.BasicProperties.Headers ?? new Dictionary<string, object?>())
            .ToDictionary(h => h.Key, h => HeaderText(h.Value));
        string? messageId = got.BasicProperties.MessageId;
        var types = new List<string>();
        Guid? requestId = null;
        int? requestVersion = null;
        string? classification = null;
        try
        {
            using var envelope = JsonDocument.Parse(got.Body);
            var root = envelope.RootElement;
            if (root.TryGetProperty("messageId", out var id)) messageId ??= id.GetString();
            if (root.TryGetProperty("messageType", out var t) && t.ValueKind == JsonValueKind.Array)
                types.AddRange(t.EnumerateArray().Select(x => x.GetString() ?? ""));
            if (root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object)
            {
                if (m.TryGetProperty("requestId", out var r) && r.TryGetGuid(out var g)) requestId = g;
                if (m.TryGetProperty("requestVersion", out var v) && v.TryGetInt32(out var n)) requestVersion = n;
                if (m.TryGetProperty("classification", out var c)) classification = c.ToString();
            }
        }
        catch (JsonException)
        {
            // Not a MassTransit envelope: describe it by its headers only.
        }
        return new ErrorQueueMessage(queue, messageId, types, requestId, requestVersion, classification,
            headers.GetValueOrDefault("MT-Fault-ExceptionType"),
            headers.GetValueOrDefault("MT-Fault-Message"),
            headers.GetValueOrDefault("MT-Fault-ConsumerType"),
            headers.GetValueOrDefault("MT-Fault-Timestamp"),
            withHeaders ? headers : null);
    }

    private static string HeaderText(object? value) => value switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        null => "",
        _ => value.ToString() ?? "",
    };
}
