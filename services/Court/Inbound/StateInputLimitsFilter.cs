using Cooperation.Contracts;
using Cooperation.Contracts.Limits;
using Cooperation.ServiceDefaults.Messaging;
using MassTransit;

namespace Cooperation.Court.Inbound;

/// <summary>
/// Checks every message on the organ's inbound endpoint against <see cref="StateInputLimits"/> before any
/// consumer runs. The State's API already refuses a body over a cap; this catches a message its node never
/// would send (a State's broker user can publish anything into its own exchange). A message over a cap can
/// never succeed: it goes to the _error queue at once, naming the fields (never their values), and nothing
/// changes. A separate step, so sender checks on the same endpoint stay independent of it.
/// </summary>
public sealed class StateInputLimitsFilter<T> : IFilter<ConsumeContext<T>> where T : class
{
    public Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var over = StateInputLimits.Check(context.Message);
        if (over.Count == 0) return next.Send(context);
        var request = context.Message is ICooperationMessage m ? $" for request {m.RequestId}" : "";
        throw new MessageOverLimitsException(
            $"{typeof(T).Name}{request} exceeds the State input limits at: {string.Join(", ", over.Select(e => e.Element))}.");
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("state-input-limits");
}

public sealed class MessageOverLimitsException(string message) : UnacceptableMessageException(message);
