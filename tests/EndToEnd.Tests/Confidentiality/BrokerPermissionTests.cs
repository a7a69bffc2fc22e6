using System.Text;
using Cooperation.EndToEnd.Tests.Platform;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Cooperation.EndToEnd.Tests.Confidentiality;

/// <summary>
/// A State cannot receive another State's request even if its code is changed: its own broker
/// user may read only its own queues and write only to its own outbound exchanges (design.md).
/// Runs as state-nld, which has a broker user but no running node, so nothing here competes with
/// the platform's consumers. Issue 12: a State's user works in a virtual host of its own (state-nld),
/// has no permission on the Court's "/" or another State's vhost, and cannot learn by a passive
/// declare (which RabbitMQ allows without any permission) whether another State's or the Court's
/// queue exists, nor its counts (infra/lib/broker.sh, broker_definitions).
/// </summary>
public sealed class BrokerPermissionTests : IAsyncLifetime
{
    private const string User = "state-nld";
    private IConnection _connection = null!;

    public async Task InitializeAsync()
    {
        var env = TestEnvironment.Current;
        var factory = new ConnectionFactory
        {
            HostName = env.BrokerHost,
            Port = env.BrokerPort,
            VirtualHost = Platform.Broker.VirtualHostOf(User),
            UserName = User,
            Password = env.BrokerPassword(User),
        };
        _connection = await factory.CreateConnectionAsync("broker-permission-tests");
    }

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    public static TheoryData<string, string> ForbiddenOperations => new()
    {
        { "consume another State's queue", "consume:state-zaf" },
        { "get from another State's queue", "get:state-zaf" },
        { "purge another State's queue", "purge:state-zaf" },
        { "delete another State's queue", "delete:state-zaf" },
        { "bind another State's queue to its own exchange", "bind:state-zaf" },
        { "publish into another State's exchange", "publish:state-zaf" },
        // Only the Court's users write a State's queue: a State node accepts Court instructions from them alone.
        { "publish a Court instruction into its own queue", "publish:state-nld" },
        { "publish into the Prosecutor's own exchange", "publish:prosecutor" },
        { "publish into another State's queue at the Registry", "publish:registry.from-state-zaf" },
        { "publish as another State to the Registry", "publish:state-zaf.to-registry" },
        { "declare an exchange in another State's name", "declare-exchange:state-zaf-x" },
        { "consume the Registry's queue", "consume:registry" },
        { "publish straight into the Registry's exchange", "publish:registry" },
        { "delete the Registry's queue", "delete:registry" },
        // The Assembly (issue 9): only the Court's users notify it; a State speaks to it only as itself.
        { "publish straight into the Assembly's exchange", "publish:assembly" },
        { "publish as another State to the Assembly", "publish:state-zaf.to-assembly" },
        { "consume the Assembly's queue", "consume:assembly" },
        { "consume another State's queue at the Assembly", "consume:assembly.from-state-zaf" },
    };

    [Theory]
    [MemberData(nameof(ForbiddenOperations))]
    public async Task A_state_user_is_refused(string what, string operation)
    {
        await using var channel = await _connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RunAsync(channel, operation));
        var refused = error as OperationInterruptedException ?? error.InnerException as OperationInterruptedException;
        Assert.True(refused is not null, $"{what}: expected a broker refusal, got {error.GetType().Name}: {error.Message}");
        Assert.Equal((ushort)403, refused!.ShutdownReason?.ReplyCode ?? 0);
    }

    [Fact]
    public async Task A_state_user_may_use_its_own_queue_and_error_exchange()
    {
        // The positive control: the same user, the same kind of operations, on what is its own.
        await using var channel = await _connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.BasicGetAsync("state-nld", autoAck: false); // empty or not: no refusal
        await channel.ExchangeDeclareAsync("state-nld_error", ExchangeType.Fanout, durable: true);
        await channel.BasicPublishAsync("state-nld_error", "", Encoding.UTF8.GetBytes("permission test"));
        Assert.True(channel.IsOpen);
    }

    /// <summary>
    /// The Court's vhost and another State's: the connection itself is refused (530 NOT_ALLOWED), before any queue is
    /// named. RabbitMQ.Client may report the connection as opened before the broker's close arrives (BrokerAccountTests),
    /// so the test waits for that close.
    /// </summary>
    [Theory]
    [InlineData("/")]
    [InlineData("state-zaf")]
    public async Task A_state_user_cannot_open_the_courts_or_another_states_virtual_host(string vhost)
    {
        ShutdownEventArgs? reason;
        try
        {
            await using var connection = await Platform.Broker.ConnectAsync("state-uga", vhost);
            for (var waited = 0; waited < 100 && connection.IsOpen; waited++) await Task.Delay(100);
            reason = connection.CloseReason;
        }
        catch (Exception e) when (Chain(e).OfType<OperationInterruptedException>().FirstOrDefault() is { ShutdownReason: { } refused })
        {
            reason = refused;
        }
        Assert.True(reason is not null, $"state-uga stayed connected to vhost '{vhost}' for 10 s");
        Assert.Equal((ushort)530, reason!.ReplyCode);
        Assert.Contains($"access to vhost '{vhost}' refused for user 'state-uga'", reason.ReplyText);
    }

    /// <summary>What exists on the Court's side (or in ZAF's vhost), proved by the positive control below.</summary>
    public static TheoryData<string, string> CourtAndOtherStatesNames => new()
    {
        { "queue", "state-zaf" },
        { "queue", "registry" },
        { "queue", "prosecutor" },
        { "queue", "assembly" },
        { "queue", "registry.from-state-zaf" },
        { "queue", "prosecutor.from-state-zaf" },
        // Even Uganda's own queue at the Registry: its backlog there is the Court's to see.
        { "queue", "registry.from-state-uga" },
        { "exchange", "state-zaf" },
        { "exchange", "registry" },
        { "exchange", "state-zaf.to-registry" },
    };

    /// <summary>
    /// Issue 12: a passive declare needs no permission in RabbitMQ, so on a shared vhost Uganda's user learned that ZAF's
    /// queue existed and how many messages and consumers it had. In its own vhost the answer for an existing queue of
    /// ZAF or the Court is 404 NOT_FOUND, word for word the answer for a name that exists nowhere.
    /// </summary>
    [Theory]
    [MemberData(nameof(CourtAndOtherStatesNames))]
    public async Task A_state_user_cannot_tell_whether_another_states_or_a_court_queue_exists(string kind, string name)
    {
        // Positive control: it does exist where the Court (or ZAF) has it, so the 404 below is not a trivial one.
        await using (var court = await Platform.Broker.ConnectAsync("admin"))
        await using (var check = await court.CreateChannelAsync())
        {
            if (kind == "queue") await check.QueueDeclarePassiveAsync(name);
            else await check.ExchangeDeclarePassiveAsync(name);
        }

        await using var uganda = await Platform.Broker.ConnectAsync("state-uga");
        var existing = await PassiveDeclareRefusalAsync(uganda, kind, name);
        var nowhere = $"nowhere-{Guid.NewGuid():N}";
        var absent = await PassiveDeclareRefusalAsync(uganda, kind, nowhere);

        Assert.Equal((ushort)404, existing.ReplyCode);
        Assert.StartsWith("NOT_FOUND", existing.ReplyText);
        Assert.Contains("in vhost 'state-uga'", existing.ReplyText);
        // Indistinguishable: same code, same text once the name asked for is set aside.
        Assert.Equal(absent.ReplyCode, existing.ReplyCode);
        Assert.Equal(absent.ReplyText.Replace(nowhere, "NAME"), existing.ReplyText.Replace(name, "NAME"));
        Assert.True(uganda.IsOpen, "only the channel is closed by a refused passive declare");
    }

    [Fact]
    public async Task A_state_user_sees_its_own_queue_in_its_own_virtual_host()
    {
        await using var channel = await _connection.CreateChannelAsync();
        var own = await channel.QueueDeclarePassiveAsync("state-nld");
        Assert.Equal("state-nld", own.QueueName);
    }

    private static async Task<ShutdownEventArgs> PassiveDeclareRefusalAsync(IConnection connection, string kind, string name)
    {
        var channel = await connection.CreateChannelAsync();
        try
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
            {
                if (kind == "queue") await channel.QueueDeclarePassiveAsync(name);
                else await channel.ExchangeDeclarePassiveAsync(name);
            });
            return Chain(error).OfType<OperationInterruptedException>().FirstOrDefault()?.ShutdownReason
                   ?? throw new Xunit.Sdk.XunitException($"passive declare of {kind} '{name}': expected a broker refusal, got {error}");
        }
        finally
        {
            await channel.DisposeAsync();
        }
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x;
            if (x is AggregateException a) foreach (var inner in a.InnerExceptions) yield return inner;
        }
    }

    private static async Task RunAsync(IChannel channel, string operation)
    {
        var (verb, target) = (operation.Split(':')[0], operation.Split(':')[1]);
        switch (verb)
        {
            case "consume":
                await channel.BasicConsumeAsync(target, autoAck: false, new AsyncEventingBasicConsumer(channel));
                break;
            case "get":
                await channel.BasicGetAsync(target, autoAck: false);
                break;
            case "purge":
                await channel.QueuePurgeAsync(target);
                break;
            case "delete":
                await channel.QueueDeleteAsync(target);
                break;
            case "bind":
                await channel.QueueBindAsync(target, "state-nld.to-registry", "");
                break;
            case "publish":
                await channel.BasicPublishAsync(target, "", Encoding.UTF8.GetBytes("{}"));
                break;
            case "declare-exchange":
                await channel.ExchangeDeclareAsync(target, ExchangeType.Fanout, durable: true);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(operation), operation, null);
        }
    }
}
