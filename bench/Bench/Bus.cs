using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Cooperation.Bench;

/// <summary>
/// Durable messages through the broker, published and consumed by this process on a queue of its own:
/// raw RabbitMQ.Client (persistent publish with confirms, pipelined up to <c>inFlight</c>; manual ack), the
/// broker's practical limit; and plain MassTransit (Publish awaiting the confirm, the same number in flight;
/// a consumer with the default concurrency). Latency: publish call → consumer, same clock.
/// </summary>
public static class Bus
{
    public sealed record BenchMessage(long SentTicks, int N);

    public static async Task<string> RawAsync(string host, int port, string user, string password, int count, int inFlight)
    {
        var factory = new ConnectionFactory { HostName = host, Port = port, UserName = user, Password = password };
        await using var connection = await factory.CreateConnectionAsync("bench-raw");
        await using var publish = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        await using var consume = await connection.CreateChannelAsync();
        var queue = $"bench-raw-{Guid.NewGuid():N}"[..24];
        await consume.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await consume.BasicQosAsync(0, 100, false);
        var latencies = new Latencies();
        var received = 0;
        var all = new TaskCompletionSource();
        var clock = Stopwatch.StartNew();
        var consumer = new AsyncEventingBasicConsumer(consume);
        consumer.ReceivedAsync += async (_, e) =>
        {
            var sent = BitConverter.ToInt64(e.Body.Span);
            latencies.Add((clock.ElapsedTicks - sent) * 1000.0 / Stopwatch.Frequency);
            await consume.BasicAckAsync(e.DeliveryTag, false);
            if (Interlocked.Increment(ref received) == count) all.TrySetResult();
        };
        await consume.BasicConsumeAsync(queue, autoAck: false, consumer);
        var properties = new BasicProperties { Persistent = true };
        var start = clock.Elapsed;
        using var gate = new SemaphoreSlim(inFlight);
        var pending = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            await gate.WaitAsync();
            pending.Add(PublishOne());
        }
        async Task PublishOne()
        {
            try { await publish.BasicPublishAsync("", queue, true, properties, BitConverter.GetBytes(clock.ElapsedTicks)); }
            finally { gate.Release(); }
        }
        await Task.WhenAll(pending);
        await all.Task.WaitAsync(TimeSpan.FromSeconds(120));
        var seconds = (clock.Elapsed - start).TotalSeconds;
        await consume.QueueDeleteAsync(queue);
        return $"msgs/s={count / seconds:F0} p50={latencies.Percentile(50):F2} p99={latencies.Percentile(99):F2} n={count}";
    }

    public static async Task<string> MassTransitAsync(string host, int port, string user, string password, int count, int inFlight)
    {
        var queue = $"bench-mt-{Guid.NewGuid():N}"[..24];
        var latencies = new Latencies();
        var received = 0;
        var all = new TaskCompletionSource();
        var clock = Stopwatch.StartNew();
        var services = new ServiceCollection();
        services.AddSingleton(new Probe(clock, latencies, count, () => Interlocked.Increment(ref received), all));
        services.AddMassTransit(x =>
        {
            // Nothing leaves this machine (as in the services): no usage report to MassTransit's servers.
            x.DisableUsageTelemetry();
            x.AddConsumer<ProbeConsumer>();
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(host, (ushort)port, "/", h => { h.Username(user); h.Password(password); });
                cfg.ReceiveEndpoint(queue, e =>
                {
                    e.AutoDelete = true;
                    e.ConfigureConsumer<ProbeConsumer>(context);
                });
            });
        });
        await using var provider = services.BuildServiceProvider();
        var bus = provider.GetRequiredService<IBusControl>();
        await bus.StartAsync();
        try
        {
            var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{queue}"));
            var start = clock.Elapsed;
            using var gate = new SemaphoreSlim(inFlight);
            var pending = new List<Task>(count);
            for (var i = 0; i < count; i++)
            {
                await gate.WaitAsync();
                var n = i;
                pending.Add(SendOne());
                async Task SendOne()
                {
                    try { await endpoint.Send(new BenchMessage(clock.ElapsedTicks, n)); }
                    finally { gate.Release(); }
                }
            }
            await Task.WhenAll(pending);
            await all.Task.WaitAsync(TimeSpan.FromSeconds(120));
            var seconds = (clock.Elapsed - start).TotalSeconds;
            return $"msgs/s={count / seconds:F0} p50={latencies.Percentile(50):F2} p99={latencies.Percentile(99):F2} n={count}";
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    public sealed record Probe(Stopwatch Clock, Latencies Latencies, int Count, Func<int> Received, TaskCompletionSource All);

    public sealed class ProbeConsumer(Probe probe) : IConsumer<BenchMessage>
    {
        public Task Consume(ConsumeContext<BenchMessage> context)
        {
            probe.Latencies.Add((probe.Clock.ElapsedTicks - context.Message.SentTicks) * 1000.0 / Stopwatch.Frequency);
            if (probe.Received() == probe.Count) probe.All.TrySetResult();
            return Task.CompletedTask;
        }
    }
}
