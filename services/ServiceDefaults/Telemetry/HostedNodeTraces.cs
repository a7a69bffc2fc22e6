using System.Diagnostics;
using Cooperation.ServiceDefaults.Hosting;
using OpenTelemetry;

namespace Cooperation.ServiceDefaults.Telemetry;

/// <summary>
/// Exports only this hosted node's spans. ActivitySources are process-wide, so in a process hosting several
/// State nodes every node's tracer provider sees every node's spans; without this each span would be exported
/// once per node, under every node's service name (one State's work shown as another's).
/// A span belongs to the node it was started under (<see cref="HostedNode"/>), or to its in-process parent's.
/// </summary>
internal sealed class HostedNodeTraces(string node, BaseProcessor<Activity> export) : BaseProcessor<Activity>
{
    private const string Owner = "cooperation.hosted-node";

    /// <summary>Marks the HTTP server span (started before any middleware, outside the node's context) as the node's.</summary>
    public static void Claim(Activity? activity, string node)
    {
        if (activity is not null && activity.GetCustomProperty(Owner) is null) activity.SetCustomProperty(Owner, node);
    }

    public override void OnStart(Activity data)
    {
        if (data.GetCustomProperty(Owner) is null && (HostedNode.Name ?? data.Parent?.GetCustomProperty(Owner)) is { } owner)
            data.SetCustomProperty(Owner, owner);
        export.OnStart(data);
    }

    public override void OnEnd(Activity data)
    {
        if (OwnerOf(data) == node) export.OnEnd(data);
    }

    private static string? OwnerOf(Activity data)
    {
        for (var a = data; a is not null; a = a.Parent)
            if (a.GetCustomProperty(Owner) is string owner) return owner;
        return HostedNode.Name;
    }

    protected override bool OnForceFlush(int timeoutMilliseconds) => export.ForceFlush(timeoutMilliseconds);

    protected override bool OnShutdown(int timeoutMilliseconds) => export.Shutdown(timeoutMilliseconds);

    protected override void Dispose(bool disposing)
    {
        if (disposing) export.Dispose();
        base.Dispose(disposing);
    }
}
