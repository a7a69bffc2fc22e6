using RabbitMQ.Client;

namespace Cooperation.EndToEnd.Tests.Platform;

/// <summary>Raw AMQP on the test broker, as a given broker user (for injecting and watching messages).</summary>
public static class Broker
{
    /// <summary>
    /// Where a broker user works (issue 12, infra/lib/broker.sh): a State's user in its own virtual host named like it
    /// (state-uga), every Court user on "/".
    /// </summary>
    public static string VirtualHostOf(string user) => user.StartsWith("state-", StringComparison.Ordinal) ? user : "/";

    /// <summary>Connects as <paramref name="user"/> to its own virtual host, or to <paramref name="virtualHost"/> if given.</summary>
    public static Task<IConnection> ConnectAsync(string user, string? virtualHost = null)
    {
        var env = TestEnvironment.Current;
        return new ConnectionFactory
        {
            HostName = env.BrokerHost,
            Port = env.BrokerPort,
            VirtualHost = virtualHost ?? VirtualHostOf(user),
            UserName = user,
            Password = env.BrokerPassword(user),
        }.CreateConnectionAsync($"end-to-end-tests-{user}");
    }

    /// <summary>
    /// Waits until none of the queues has a message ready (consumers caught up). A State's queue (state-xxx) is counted
    /// on both legs of its shovel: on "/", where the Court sends, and in the State's own vhost, where its node consumes.
    /// </summary>
    public static async Task WaitDrainedAsync(TimeSpan timeout, params string[] queues)
    {
        await using var court = await ConnectAsync("admin");
        await using var courtChannel = await court.CreateChannelAsync();
        var stateLegs = new List<(IConnection Connection, IChannel Channel, string Queue)>();
        try
        {
            foreach (var queue in queues.Where(q => q.StartsWith("state-", StringComparison.Ordinal)))
            {
                var connection = await ConnectAsync("admin", queue);
                stateLegs.Add((connection, await connection.CreateChannelAsync(), queue));
            }
            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                var ready = 0u;
                foreach (var queue in queues) ready += (await courtChannel.QueueDeclarePassiveAsync(queue)).MessageCount;
                foreach (var leg in stateLegs) ready += (await leg.Channel.QueueDeclarePassiveAsync(leg.Queue)).MessageCount;
                if (ready == 0) return;
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"{ready} messages still wait in {string.Join(", ", queues)}");
                await Task.Delay(100);
            }
        }
        finally
        {
            foreach (var leg in stateLegs)
            {
                await leg.Channel.DisposeAsync();
                await leg.Connection.DisposeAsync();
            }
        }
    }
}
