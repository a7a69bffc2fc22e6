using System.Text.RegularExpressions;
using k8s.Models;

namespace Cooperation.Deployment.Tests;

/// <summary>
/// What the processes are told to call exists: every Service selects a workload and targets a port it declares, and
/// every address in a setting (http://name:port/, Host=name;Port=port, the broker, the collector's exporter) is a
/// Service of the manifests with that port or one an operator creates (RabbitmqCluster: "name" on 5671 with TLS;
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
        foreach (var r in objects.Custom("RabbitmqCluster"))
        foreach (var port in BrokerPorts(r))
            ports.Add((r.Name, port));
        foreach (var c in objects.Custom("Cluster")) ports.Add(($"{c.Name}-rw", 5432));

        var addresses = Addresses(objects);
        Assert.Contains(addresses, a => a.Host == "otel-collector");
        Assert.Contains(addresses, a => a.Host == "trace-viewer");
        foreach (var (workload, where, host, port) in addresses)
            Assert.True(ports.Contains((host, port)), $"{workload} {where} calls {host}:{port}, which no Service of the manifests (or of an operator) serves");
    }

    /// <summary>Every address a process of the manifests is told to call: (workload, setting, host, port).</summary>
    private static List<(string Workload, string Where, string Host, int Port)> Addresses(IReadOnlyList<RenderedObject> objects)
    {
        var configMaps = objects.OfType<V1ConfigMap>().ToDictionary(m => m.Metadata.Name);
        string? Value(V1EnvVar e) => e.Value ?? (e.ValueFrom?.ConfigMapKeyRef is { } r ? configMaps[r.Name].Data[r.Key] : null);
        var addresses = new List<(string Workload, string Where, string Host, int Port)>();
        foreach (var d in objects.OfType<V1Deployment>())
        foreach (var c in d.Spec.Template.Spec.Containers)
        {
            var env = (c.Env ?? []).Select(e => (e.Name, Value: Value(e))).Where(e => e.Value is not null).ToList();
            foreach (var (name, value) in env)
            {
                foreach (Match m in HttpAddress().Matches(value!))
                    addresses.Add((d.Metadata.Name, name, m.Groups[1].Value, int.Parse(m.Groups[2].Value)));
                foreach (Match m in DatabaseAddress().Matches(value!))
                    addresses.Add((d.Metadata.Name, name, m.Groups[1].Value, int.Parse(m.Groups[2].Value)));
            }
            if (env.SingleOrDefault(e => e.Name == "Broker__Host") is { Value: { } host })
                addresses.Add((d.Metadata.Name, "Broker__Host", host, int.Parse(env.Single(e => e.Name == "Broker__Port").Value!)));
            foreach (var mount in (c.VolumeMounts ?? []))
            foreach (var v in d.Spec.Template.Spec.Volumes.Where(v => v.Name == mount.Name && v.ConfigMap is not null))
            foreach (var value in configMaps[v.ConfigMap.Name].Data.Values)
            foreach (Match m in CollectorExporter().Matches(value))
                addresses.Add((d.Metadata.Name, $"ConfigMap {v.ConfigMap.Name}", m.Groups[1].Value, int.Parse(m.Groups[2].Value)));
        }
        return addresses;
    }


    /// <summary>
    /// The NetworkPolicies let every call the settings name through, at both ends: the caller's policies allow the
    /// egress and the callee's the ingress (deny-by-default would otherwise break the platform in silence). Operator
    /// Services are resolved to the operators' pod labels (RabbitmqCluster: app.kubernetes.io/name; CloudNativePG's -rw:
    /// cnpg.io/cluster). Ports are compared as numbers (the manifests' policies name numbers).
    /// </summary>
    [Theory, MemberData(nameof(CourtOnKubernetesTests.Overlays), MemberType = typeof(CourtOnKubernetesTests))]
    public void The_NetworkPolicies_let_every_configured_call_through_at_both_ends(string overlay)
    {
        var objects = RenderedManifests.Overlay(overlay);
        var workloads = objects.OfType<V1Deployment>().ToDictionary(d => d.Metadata.Name, d => d.Spec.Template);
        var policies = objects.OfType<V1NetworkPolicy>().ToList();
        var targets = new Dictionary<(string, int), (IDictionary<string, string> Labels, int Port)>();
        foreach (var service in objects.OfType<V1Service>())
        {
            var pod = workloads.Values.First(p => service.Spec.Selector.All(kv => p.Metadata.Labels.TryGetValue(kv.Key, out var v) && v == kv.Value));
            foreach (var port in service.Spec.Ports)
            {
                var target = port.TargetPort?.Value ?? port.Port.ToString();
                var containerPort = pod.Spec.Containers.SelectMany(c => c.Ports ?? []).First(cp => cp.Name == target || cp.ContainerPort.ToString() == target).ContainerPort;
                targets[(service.Metadata.Name, port.Port)] = (pod.Metadata.Labels, containerPort);
            }
        }
        foreach (var r in objects.Custom("RabbitmqCluster"))
        foreach (var port in BrokerPorts(r))
            targets[(r.Name, port)] = (new Dictionary<string, string> { ["app.kubernetes.io/name"] = r.Name, ["app.kubernetes.io/component"] = "rabbitmq" }, port);
        foreach (var c in objects.Custom("Cluster"))
            targets[($"{c.Name}-rw", 5432)] = (new Dictionary<string, string> { ["cnpg.io/cluster"] = c.Name }, 5432);

        var blocked = new List<string>();
        foreach (var (workload, where, host, port) in Addresses(objects))
        {
            var from = workloads[workload].Metadata.Labels;
            var (to, targetPort) = targets[(host, port)];
            var egress = policies.Where(p => Selects(p.Spec.PodSelector, from) && p.Spec.PolicyTypes.Contains("Egress"))
                .SelectMany(p => p.Spec.Egress ?? []).Any(rule => Peers(rule.To, to) && Ports(rule.Ports, targetPort));
            var ingress = policies.Where(p => Selects(p.Spec.PodSelector, to) && p.Spec.PolicyTypes.Contains("Ingress"))
                .SelectMany(p => p.Spec.Ingress ?? []).Any(rule => Peers(rule.FromProperty, from) && Ports(rule.Ports, targetPort));
            if (!egress) blocked.Add($"{workload} ({where}) may not send to {host}:{port}");
            if (!ingress) blocked.Add($"{host}:{port} does not admit {workload} ({where})");
        }
        Assert.True(blocked.Count == 0, string.Join('\n', blocked));
    }

    /// <summary>The AMQP ports of the operator's Service "name": 5671 (amqps) with spec.tls.secretName, 5672 (amqp) unless
    /// spec.tls.disableNonTLSListeners (rabbitmq/cluster-operator's service builder).</summary>
    internal static IEnumerable<int> BrokerPorts(RenderedObject cluster)
    {
        var spec = (IDictionary<object, object>)cluster.Raw["spec"];
        var tls = spec.TryGetValue("tls", out var t) ? (IDictionary<object, object>)t : new Dictionary<object, object>();
        if (tls.ContainsKey("secretName")) yield return 5671;
        if (!(tls.TryGetValue("disableNonTLSListeners", out var off) && off is "true")) yield return 5672;
    }

    private static bool Selects(V1LabelSelector selector, IDictionary<string, string> labels) =>
        (selector.MatchLabels ?? new Dictionary<string, string>()).All(kv => labels.TryGetValue(kv.Key, out var v) && v == kv.Value)
        && (selector.MatchExpressions ?? []).All(e => e.OperatorProperty == "Exists" ? labels.ContainsKey(e.Key)
            : e.OperatorProperty == "In" && labels.TryGetValue(e.Key, out var v) && e.Values.Contains(v));

    /// <summary>A rule without peers admits every peer; a peer of this namespace is a pod selector alone.</summary>
    private static bool Peers(IList<V1NetworkPolicyPeer>? peers, IDictionary<string, string> labels) =>
        peers is null || peers.Count == 0
        || peers.Any(p => p.NamespaceSelector is null && p.IpBlock is null && p.PodSelector is { } s && Selects(s, labels));

    private static bool Ports(IList<V1NetworkPolicyPort>? ports, int port) =>
        ports is null || ports.Count == 0
        || ports.Any(p => p.Port is null || (int.TryParse(p.Port.Value, out var n) && (n == port || (p.EndPort is { } end && n <= port && port <= end))));

}
