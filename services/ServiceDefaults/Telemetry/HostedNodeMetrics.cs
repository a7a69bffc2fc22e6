using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;

namespace Cooperation.ServiceDefaults.Telemetry;

/// <summary>
/// In a process hosting several State nodes (issue 11), every node's meter provider would otherwise collect every
/// node's instruments (a provider subscribes to meters by name, and the nodes' meters share their names): each node
/// would export all the nodes' figures under its own name, and the process's collection work would grow with the
/// square of the number of nodes (a node's start-up went from 3 s to 50 s as 125 were added). A node keeps the
/// instruments of the meters its own container created (<see cref="HostedNodeMeterFactory"/>); the process-wide ones
/// (the runtime's, MassTransit's static meter) are exported once, by the process's first node.
/// </summary>
internal static class HostedNodeMetrics
{
    public static Func<Instrument, MetricStreamConfiguration?> Filter(string node, bool primary) =>
        instrument => instrument.Meter.Scope switch
        {
            HostedNodeMeterFactory own when own.Node == node => null,
            null => primary ? null : MetricStreamConfiguration.Drop,
            _ => MetricStreamConfiguration.Drop,
        };
}

/// <summary>A hosted node's meter factory: its meters carry it as their scope, so they are told apart from other nodes'.</summary>
internal sealed class HostedNodeMeterFactory(string node) : IMeterFactory
{
    private readonly ConcurrentDictionary<string, Meter> _meters = new();

    public string Node => node;

    public Meter Create(MeterOptions options)
    {
        // One meter per name, version and tags, like the runtime's own factory.
        var key = $"{options.Name}|{options.Version}|{string.Join(',', options.Tags?.Select(t => $"{t.Key}={t.Value}") ?? [])}";
        return _meters.GetOrAdd(key, _ => new Meter(new MeterOptions(options.Name)
        {
            Version = options.Version, Tags = options.Tags, Scope = this, TelemetrySchemaUrl = options.TelemetrySchemaUrl,
        }));
    }

    public void Dispose()
    {
        foreach (var meter in _meters.Values) meter.Dispose();
        _meters.Clear();
    }
}
