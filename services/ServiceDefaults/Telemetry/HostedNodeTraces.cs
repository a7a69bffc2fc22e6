using System.Diagnostics;
using Cooperation.ServiceDefaults.Hosting;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Cooperation.ServiceDefaults.Telemetry;

/// <summary>
/// Exports only this hosted node's spans. ActivitySources are process-wide, so in a process hosting several
/// State nodes every node's tracer provider sees every node's spans; without this each span would be exported
/// once per node, under every node's service name (one State's work shown as another's).
/// A span belongs to the node that claimed it or an in-process parent (HTTP middleware, consume filter), or else to the
/// node whose work ends it (<see cref="HostedNode"/>: hosted services, the outbox dispatcher).
/// It is the batch export processor itself (not a wrapper around one), so the exporter gets the node's provider
/// and with it the node's resource (service name, State).
/// </summary>
internal sealed class HostedNodeTraces(string node, BaseExporter<Activity> exporter, BatchExportActivityProcessorOptions options)
    : BatchActivityExportProcessor(exporter, options.MaxQueueSize, options.ScheduledDelayMilliseconds,
        options.ExporterTimeoutMilliseconds, options.MaxExportBatchSize)
{
    private const string Owner = "cooperation.hosted-node";

    /// <summary>Marks the HTTP server span (started before any middleware, outside the node's context) as the node's.</summary>
    public static void Claim(Activity? activity, string node)
    {
        if (activity is not null && activity.GetCustomProperty(Owner) is null) activity.SetCustomProperty(Owner, node);
    }

    public override void OnEnd(Activity data)
    {
        if (OwnerOf(data) == node) base.OnEnd(data);
    }

    private static string? OwnerOf(Activity data)
    {
        for (var a = data; a is not null; a = a.Parent)
            if (a.GetCustomProperty(Owner) is string owner) return owner;
        return HostedNode.Name;
    }
}
