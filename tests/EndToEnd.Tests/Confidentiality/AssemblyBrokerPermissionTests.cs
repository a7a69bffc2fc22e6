using Cooperation.EndToEnd.Tests.Platform;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Cooperation.EndToEnd.Tests.Confidentiality;

/// <summary>
/// The Assembly's broker user (issue 9) reads only its own queues and writes only the States' exchanges (its steps to
/// the State concerned) and its own error queues: it can neither read a State's or the Court's traffic nor notify
/// itself in the Court's name nor speak for a State. Runs on what no platform consumer competes for.
/// </summary>
public sealed class AssemblyBrokerPermissionTests : IAsyncLifetime
{
    private IConnection _connection = null!;

    public async Task InitializeAsync() => _connection = await Platform.Broker.ConnectAsync("assembly");

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    public static TheoryData<string, string> ForbiddenOperations => new()
    {
        { "read a State's queue", "get:state-nld" },
        { "consume the Registry's queue", "consume:registry" },
        { "read a State's queue at the Registry", "get:registry.from-state-nld" },
        { "publish into its own exchange, which only the Court's users write", "publish:assembly" },
        { "publish as a State to the Assembly", "publish:state-nld.to-assembly" },
        { "publish as a State to the Registry", "publish:state-nld.to-registry" },
        { "publish into the Registry's exchange", "publish:registry" },
        { "publish into the Prosecutor's exchange", "publish:prosecutor" },
        { "purge the Registry's queue", "purge:registry" },
    };

    [Theory]
    [MemberData(nameof(ForbiddenOperations))]
    public async Task The_assembly_user_is_refused(string what, string operation)
    {
        await using var channel = await _connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var (verb, target) = (operation.Split(':')[0], operation.Split(':')[1]);
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            switch (verb)
            {
                case "get": await channel.BasicGetAsync(target, autoAck: false); break;
                case "consume": await channel.BasicConsumeAsync(target, autoAck: false, new AsyncEventingBasicConsumer(channel)); break;
                case "purge": await channel.QueuePurgeAsync(target); break;
                case "publish": await channel.BasicPublishAsync(target, "", "{}"u8.ToArray()); break;
                default: throw new ArgumentOutOfRangeException(nameof(operation), operation, null);
            }
        });
        var refused = error as OperationInterruptedException ?? error.InnerException as OperationInterruptedException;
        Assert.True(refused is not null, $"{what}: expected a broker refusal, got {error.GetType().Name}: {error.Message}");
        Assert.Equal((ushort)403, refused!.ShutdownReason?.ReplyCode ?? 0);
    }

    [Fact]
    public async Task The_assembly_user_may_read_its_own_queues_and_declare_a_states_exchange()
    {
        // The positive control: what the Assembly's service does (no message is sent to any State here).
        await using var channel = await _connection.CreateChannelAsync();
        await channel.BasicGetAsync("assembly.from-state-nld", autoAck: false); // empty: no node of NLD sends
        await channel.ExchangeDeclareAsync("state-nld", ExchangeType.Fanout, durable: true);
        Assert.True(channel.IsOpen);
    }
}
