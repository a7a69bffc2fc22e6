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
/// the platform's consumers.
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
