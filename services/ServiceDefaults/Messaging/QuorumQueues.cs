using MassTransit;

namespace Cooperation.ServiceDefaults.Messaging;

/// <summary>
/// Broker:QuorumQueues (issue 12 §5): each receive endpoint's queue is declared as a quorum queue, replicated over the
/// cluster, and MassTransit copies the queue arguments to the endpoint's _error and _skipped queues. The per-process
/// bus endpoint is not a receive endpoint: a temporary, auto-deleted queue that carries no cooperation message (quorum
/// queues cannot be temporary), or amq.rabbitmq.reply-to on a State.
/// </summary>
internal sealed class QuorumQueues : IEndpointConfigurationObserver
{
    public void EndpointConfigured<T>(T configurator) where T : IReceiveEndpointConfigurator
    {
        if (configurator is IRabbitMqReceiveEndpointConfigurator rabbit) rabbit.SetQuorumQueue();
    }
}
