using System.Text.RegularExpressions;
using k8s.Models;

namespace Cooperation.Deployment.Tests;

/// <summary>
/// What the processes are told to call exists: every Service selects a workload and targets a port it declares, and
/// every address in a setting (http://name:port/, Host=name;Port=port, the broker, the collector's exporter) is a
/// Service of the manifests with that port or one an operator creates (RabbitmqCluster: "name" on 5672;
/// CloudNativePG: "name-rw" on 5432).
/// </summary>
public sealed partial class WiringTests
{
    [GeneratedRegex(@"http://([a-z0-9-]+):(\d+)(/|$)")]
    private static partial Regex HttpAddress();

    [GeneratedRegex(@"Host=([a-z0-9-]+);Port=(\d+)")]
    private static partial Regex DatabaseAddress();

    [GeneratedRegex(@"endpoint: ""([a-z0-9-]+):(\d+)""")]
    private static partial Regex CollectorExporter();

    [Theory, MemberData(nameof(CourtOnKubernetesTests.Overlays), MemberType = typeof(CourtOnKubernetesTests))]
    public void Every_Service_and_every_address_in_a_setting_leads_to_a_port_that_answers(string overlay)
    {
        var objects = RenderedManifests.Overlay(overlay);
        var pods = objects.OfType<V1Deployment>().Select(d => d.Spec.Template).ToList();
        var ports = new HashSet<(string, int)>();
        foreach (var service in objects.OfType<V1Service>())
        {
            var selected = pods.Where(p => service.Spec.Selector.All(kv => p.Metadata.Labels.TryGetValue(kv.Key, out var v) && v == kv.Value)).ToList();
            Assert.True(selected.Count > 0, $"Service {service.Metadata.Name} selects no workload");
            foreach (var port in service.Spec.Ports)
            {
                var target = port.TargetPort?.Value ?? port.Port.ToString();
                Assert.True(selected.SelectMany(p => p.Spec.Containers).SelectMany(c => c.Ports ?? []).Any(cp => cp.Name == target || cp.ContainerPort.ToString() == target),
                    $"Service {service.Metadata.Name} port {port.Port} targets {target}, which no selected container declares");
                ports.Add((service.Metadata.Name, port.Port));
            }
        }
        foreach (var r in objects.Custom("RabbitmqCluster")) ports.Add((r.Name, 5672));
        foreach (var c in objects.Custom("Cluster")) ports.Add(($"{c.Name}-rw", 5432));

        var addresses = new List<(string Where, string Host, int Port)>();
        foreach (var d in objects.OfType<V1Deployment>())
        foreach (var c in d.Spec.Template.Spec.Containers)
        {
            var env = (c.Env ?? []).Where(e => e.Value is not null).ToList();
            foreach (var e in env)
            {
                foreach (Match m in HttpAddress().Matches(e.Value))
                    addresses.Add(($"{d.Metadata.Name} {e.Name}", m.Groups[1].Value, int.Parse(m.Groups[2].Value)));
                foreach (Match m in DatabaseAddress().Matches(e.Value))
                    addresses.Add(($"{d.Metadata.Name} {e.Name}", m.Groups[1].Value, int.Parse(m.Groups[2].Value)));
            }
            if (env.SingleOrDefault(e => e.Name == "Broker__Host") is { } host)
                addresses.Add(($"{d.Metadata.Name} Broker__Host", host.Value, int.Parse(env.Single(e => e.Name == "Broker__Port").Value)));
        }
        foreach (var map in objects.OfType<V1ConfigMap>())
        foreach (var value in (map.Data ?? new Dictionary<string, string>()).Values)
        foreach (Match m in CollectorExporter().Matches(value))
            addresses.Add(($"ConfigMap {map.Metadata.Name}", m.Groups[1].Value, int.Parse(m.Groups[2].Value)));

        Assert.Contains(addresses, a => a.Host == "otel-collector");
        Assert.Contains(addresses, a => a.Host == "trace-viewer");
        foreach (var (where, host, port) in addresses)
            Assert.True(ports.Contains((host, port)), $"{where} calls {host}:{port}, which no Service of the manifests (or of an operator) serves");
    }
}
