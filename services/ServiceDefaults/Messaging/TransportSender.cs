using Cooperation.Contracts;
using MassTransit;

namespace Cooperation.ServiceDefaults.Messaging;

/// <summary>
/// Who sent a message, as the broker vouches for it rather than as its body claims. A State can
/// write only to its own exchanges (<c>state-uga.to-registry</c>), each bound into a queue of its
/// own at the organ (<c>registry.from-state-uga</c>), so the queue a message arrived on names its
/// sender. Every other queue is written only by the Court's users (infra/lib/broker.sh).
/// </summary>
public static class TransportSender
{
    /// <summary>The State whose own inbound queue delivered the message, e.g. "UGA"; null on any other queue.</summary>
    public static string? StateOf(ConsumeContext context) => Addresses.StateOfInboundQueue(QueueOf(context));

    /// <summary>The queue the message was received from.</summary>
    public static string QueueOf(ConsumeContext context) =>
        context.ReceiveContext.InputAddress.AbsolutePath.Trim('/').Split('/')[^1];
}
