using RabbitMQ.Client;

namespace Cooperation.EndToEnd.Tests.Platform;

/// <summary>Raw AMQP on the test broker, as a given broker user (for injecting and watching messages).</summary>
public static class Broker
{
    public static Task<IConnection> ConnectAsync(string user)
    {
        var env = TestEnvironment.Current;
        return new ConnectionFactory
        {
            HostName = env.BrokerHost,
            Port = env.BrokerPort,
            UserName = user,
            Password = env.BrokerPassword(user),
        }.CreateConnectionAsync($"end-to-end-tests-{user}");
    }

    /// <summary>Waits until none of the queues has a message ready (consumers caught up).</summary>
    public static async Task WaitDrainedAsync(TimeSpan timeout, params string[] queues)
    {
        await using var connection = await ConnectAsync("admin");
        await using var channel = await connection.CreateChannelAsync();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var ready = 0u;
            foreach (var queue in queues) ready += (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
            if (ready == 0) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{ready} messages still wait in {string.Join(", ", queues)}");
            await Task.Delay(100);
        }
    }
}
