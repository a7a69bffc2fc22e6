using Cooperation.ServiceDefaults.Hosting;
using Cooperation.ServiceDefaults.Telemetry;
using MassTransit;
using Microsoft.Extensions.Configuration;

namespace Cooperation.ServiceDefaults.Messaging;

/// <summary>
/// A node hosted with others (issue 11): the message it consumes, and the spans around and under it, are its own.
/// The broker client's receive loop does not run in the node's execution context, so the receive span is claimed here.
/// </summary>
internal sealed class HostedNodeConsumeFilter<T>(IConfiguration configuration) : IFilter<ConsumeContext<T>> where T : class
{
    public Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        if (configuration[HostedNode.ConfigKey] is { Length: > 0 } node)
        {
            HostedNode.Enter(node);
            for (var a = System.Diagnostics.Activity.Current; a is not null; a = a.Parent) HostedNodeTraces.Claim(a, node);
        }
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("hosted-node");
}
