using System.Text.RegularExpressions;
using k8s.Models;

namespace Cooperation.Deployment.Tests;

/// <summary>
/// The Court's side on Kubernetes (issue 13; probes for supervision, issue 12 §2): both overlays of infra/k8s render,
/// every object loads (typed models strictly, operator kinds against their CRDs' fields), and the guarantees the
/// README's "Deploying the Court on Kubernetes" names hold in what would be applied. No cluster runs here.
/// </summary>
public sealed partial class CourtOnKubernetesTests
{
    public static TheoryData<string> Overlays => new() { "local", "production" };

    /// <summary>Our own images: the processes built from this repository (infra/Dockerfile).</summary>
    private static bool Ours(V1Container c) => c.Image.StartsWith("cooperation-platform/", StringComparison.Ordinal);

    private static IEnumerable<(string Workload, V1PodTemplateSpec Pod)> Workloads(IReadOnlyList<RenderedObject> objects) =>
        objects.OfType<V1Deployment>().Select(d => (d.Metadata.Name, d.Spec.Template))
            .Concat(objects.OfType<V1StatefulSet>().Select(s => (s.Metadata.Name, s.Spec.Template)));

    [Theory, MemberData(nameof(Overlays))]
    public void Every_object_loads_with_the_typed_models_or_its_operators_CRD_fields(string overlay)
    {
        var objects = RenderedManifests.Overlay(overlay);
        Assert.NotEmpty(objects.OfType<V1Deployment>());
        var problems = objects.Where(o => o.Typed is null).SelectMany(OperatorSchema.Problems).ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        foreach (var kind in new[] { "RabbitmqCluster", "User", "Permission", "Policy", "Exchange", "Queue", "Binding", "Cluster" })
            Assert.NotEmpty(objects.Custom(kind));
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Every_container_has_liveness_and_readiness_probes_on_a_port_it_declares_and_requests_and_limits(string overlay)
    {
        var objects = RenderedManifests.Overlay(overlay);
        foreach (var (workload, pod) in Workloads(objects))
        foreach (var c in pod.Spec.Containers)
        {
            var at = $"{workload}/{c.Name}";
            Assert.True(c.LivenessProbe is not null, $"{at} has no liveness probe");
            Assert.True(c.ReadinessProbe is not null, $"{at} has no readiness probe");
            foreach (var probe in new[] { c.LivenessProbe, c.ReadinessProbe, c.StartupProbe }.OfType<V1Probe>())
            {
                var port = probe.HttpGet?.Port ?? probe.TcpSocket?.Port;
                Assert.True(port is not null, $"{at}: a probe without an HTTP or TCP port");
                var declared = c.Ports?.Any(p => port!.Value == p.Name || port.Value == p.ContainerPort.ToString()) ?? false;
                Assert.True(declared, $"{at}: probe port {port!.Value} is not a port the container declares");
            }
            if (Ours(c))
            {
                // What the processes serve (services/ServiceDefaults: /alive and /health; the gateway /alive and an
                // aggregate /health; the consoles /health only).
                Assert.Contains(c.LivenessProbe!.HttpGet?.Path, new[] { "/alive", "/health" });
                Assert.Contains(c.ReadinessProbe!.HttpGet?.Path, new[] { "/alive", "/health" });
                if (workload is "registry" or "prosecutor" or "assembly" or "state-host")
                {
                    Assert.Equal("/alive", c.LivenessProbe.HttpGet!.Path);
                    Assert.Equal("/health", c.ReadinessProbe.HttpGet!.Path);
                }
            }
            foreach (var resource in new[] { "cpu", "memory" })
            {
                Assert.True(c.Resources?.Requests?.ContainsKey(resource) == true, $"{at} requests no {resource}");
                Assert.True(c.Resources?.Limits?.ContainsKey(resource) == true, $"{at} has no {resource} limit");
            }
        }
        // The operators' workloads take their sizes from the custom resources.
        foreach (var o in objects.Custom("RabbitmqCluster").Concat(objects.Custom("Cluster")))
        {
            var resources = (IDictionary<object, object>)((IDictionary<object, object>)o.Raw["spec"])["resources"];
            Assert.True(resources.ContainsKey("requests") && resources.ContainsKey("limits"), $"{o.Kind} {o.Name} has no requests and limits");
        }
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Every_container_runs_as_non_root_on_a_read_only_root_file_system(string overlay)
    {
        foreach (var (workload, pod) in Workloads(RenderedManifests.Overlay(overlay)))
        {
            Assert.False(pod.Spec.AutomountServiceAccountToken ?? true, $"{workload} mounts a service account token it does not need");
            foreach (var c in pod.Spec.Containers)
            {
                var at = $"{workload}/{c.Name}";
                Assert.True((c.SecurityContext?.RunAsNonRoot ?? pod.Spec.SecurityContext?.RunAsNonRoot) == true, $"{at} may run as root");
                Assert.True(c.SecurityContext?.ReadOnlyRootFilesystem == true, $"{at} has a writable root file system");
                Assert.True(c.SecurityContext?.AllowPrivilegeEscalation == false, $"{at} allows privilege escalation");
                Assert.Contains("ALL", c.SecurityContext?.Capabilities?.Drop ?? []);
                if (Ours(c))
                {
                    // .NET writes temporary files and its diagnostics socket under /tmp: an emptyDir, not the image.
                    var tmp = c.VolumeMounts?.SingleOrDefault(m => m.MountPath == "/tmp");
                    Assert.True(tmp is not null, $"{at} has no writable /tmp");
                    Assert.NotNull(pod.Spec.Volumes.Single(v => v.Name == tmp!.Name).EmptyDir);
                }
            }
        }
    }

    /// <summary>The labels the operators put on the pods they run (rabbitmq/cluster-operator internal/metadata/label.go;
    /// CloudNativePG's cnpg.io/cluster).</summary>
    private static IEnumerable<(string Workload, IDictionary<string, string> Labels)> PodLabels(IReadOnlyList<RenderedObject> objects) =>
        Workloads(objects).Select(w => (w.Workload, w.Pod.Metadata.Labels))
            .Concat(objects.Custom("RabbitmqCluster").Select(r => ($"RabbitmqCluster {r.Name}",
                (IDictionary<string, string>)new Dictionary<string, string> { ["app.kubernetes.io/name"] = r.Name, ["app.kubernetes.io/component"] = "rabbitmq", ["app.kubernetes.io/part-of"] = "rabbitmq" })))
            .Concat(objects.Custom("Cluster").Select(c => ($"Cluster {c.Name}",
                (IDictionary<string, string>)new Dictionary<string, string> { ["cnpg.io/cluster"] = c.Name })));

    private static bool Selects(V1LabelSelector selector, IDictionary<string, string> labels) =>
        (selector.MatchLabels ?? new Dictionary<string, string>()).All(kv => labels.TryGetValue(kv.Key, out var v) && v == kv.Value)
        && (selector.MatchExpressions ?? []).All(e => e.OperatorProperty switch
        {
            "In" => labels.TryGetValue(e.Key, out var v) && e.Values.Contains(v),
            "NotIn" => !labels.TryGetValue(e.Key, out var v) || !e.Values.Contains(v),
            "Exists" => labels.ContainsKey(e.Key),
            "DoesNotExist" => !labels.ContainsKey(e.Key),
            _ => false,
        });

    private static bool SelectsAll(V1LabelSelector s) => (s.MatchLabels?.Count ?? 0) == 0 && (s.MatchExpressions?.Count ?? 0) == 0;

    [Theory, MemberData(nameof(Overlays))]
    public void Every_workload_has_a_NetworkPolicy_and_only_the_gateway_admits_traffic_from_outside(string overlay)
    {
        var objects = RenderedManifests.Overlay(overlay);
        var policies = objects.OfType<V1NetworkPolicy>().ToList();
        Assert.Contains(policies, p => SelectsAll(p.Spec.PodSelector) && p.Spec.PolicyTypes.Contains("Ingress") && p.Spec.PolicyTypes.Contains("Egress")
                                       && (p.Spec.Ingress?.Count ?? 0) == 0 && (p.Spec.Egress?.Count ?? 0) == 0);
        foreach (var (workload, labels) in PodLabels(objects))
            Assert.True(policies.Any(p => !SelectsAll(p.Spec.PodSelector) && Selects(p.Spec.PodSelector, labels)),
                $"{workload}: no NetworkPolicy of its own selects its pods (labels {string.Join(", ", labels)})");
        foreach (var p in policies)
        foreach (var rule in p.Spec.Ingress ?? [])
        {
            var fromAnywhere = rule.FromProperty is null || rule.FromProperty.Count == 0 || rule.FromProperty.Any(f => f.IpBlock is not null);
            if (fromAnywhere)
                Assert.True(p.Metadata.Name == "gateway", $"NetworkPolicy {p.Metadata.Name} admits traffic from anywhere; only the gateway may");
        }
        // Outside the cluster: only the gateway's Service is exposed.
        foreach (var s in objects.OfType<V1Service>().Where(s => s.Spec.Type is "LoadBalancer" or "NodePort"))
            Assert.Equal("gateway", s.Metadata.Name);
        if (overlay == "production")
            Assert.Equal("LoadBalancer", objects.OfType<V1Service>().Single(s => s.Metadata.Name == "gateway").Spec.Type);
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Each_service_reaches_only_its_broker_its_database_the_collector_and_the_gateway(string overlay)
    {
        var objects = RenderedManifests.Overlay(overlay);
        var states = States(objects);
        var services = new Dictionary<string, string[]>
        {
            ["registry"] = ["registry-db"], ["prosecutor"] = ["prosecutor-db"], ["assembly"] = ["assembly-db"],
            ["state-host"] = states.Select(s => $"state-{s.ToLowerInvariant()}-db").ToArray(),
        };
        var policies = objects.OfType<V1NetworkPolicy>().ToList();
        foreach (var (service, databases) in services)
        {
            var labels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = service };
            var egress = policies.Where(p => Selects(p.Spec.PodSelector, labels) && !SelectsAll(p.Spec.PodSelector)).SelectMany(p => p.Spec.Egress ?? []).ToList();
            Assert.NotEmpty(egress);
            var reached = new HashSet<string>();
            foreach (var rule in egress)
            {
                // Its webhooks' receivers, outside the cluster, on 443 only (the next test).
                if (WebhookSenders.Contains(service) && IsWebhookRule(rule)) continue;
                Assert.True(rule.To is { Count: > 0 }, $"{service} may reach any address");
                foreach (var peer in rule.To)
                {
                    Assert.True(peer.NamespaceSelector is null && peer.IpBlock is null && peer.PodSelector?.MatchLabels is { Count: 1 },
                        $"{service} reaches beyond one named workload of its namespace");
                    var (key, value) = peer.PodSelector!.MatchLabels.Single();
                    reached.Add(key == "cnpg.io/cluster" ? value : $"{value}");
                }
            }
            var allowed = new HashSet<string>(databases) { "rabbitmq", "otel-collector", "gateway" };
            Assert.True(reached.IsSubsetOf(allowed), $"{service} reaches {string.Join(", ", reached.Except(allowed))}");
            Assert.True(databases.All(reached.Contains) && reached.Contains("rabbitmq"), $"{service} cannot reach its broker and its database");
            // Its database admits it (and nobody else's service).
            foreach (var db in databases)
            {
                var dbLabels = new Dictionary<string, string> { ["cnpg.io/cluster"] = db };
                var from = policies.Where(p => Selects(p.Spec.PodSelector, dbLabels)).SelectMany(p => p.Spec.Ingress ?? [])
                    .SelectMany(r => r.FromProperty ?? []).Where(f => f.PodSelector?.MatchLabels?.ContainsKey("app.kubernetes.io/name") == true)
                    .Select(f => f.PodSelector.MatchLabels["app.kubernetes.io/name"]).Distinct().ToList();
                Assert.Equal([service], from);
            }
        }
    }

    /// <summary>
    /// The workloads whose processes send webhooks (AddWebhooks: services/Court for the Registry and the Prosecutor,
    /// services/State for the hosted nodes): the partners' receivers are outside the cluster.
    /// </summary>
    private static readonly string[] WebhookSenders = ["registry", "prosecutor", "state-host"];

    private static readonly string[] PrivateRanges = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"];

    /// <summary>Outside the cluster (any address but the private ranges), TCP 443 only.</summary>
    private static bool IsWebhookRule(V1NetworkPolicyEgressRule rule) =>
        rule.To is { Count: > 0 } && rule.To.All(p => p.PodSelector is null && p.NamespaceSelector is null && p.IpBlock is { Cidr: "0.0.0.0/0" } block
                                                     && PrivateRanges.All(r => block.Except?.Contains(r) == true))
        && rule.Ports is [{ Protocol: "TCP", EndPort: null } only] && only.Port?.Value == "443";

    [Theory, MemberData(nameof(Overlays))]
    public void Only_the_webhook_senders_reach_outside_the_cluster_and_only_on_443(string overlay)
    {
        // Who sends webhooks, read from the source: if the Assembly (or the gateway) ever does, its policy must say so.
        var root = RenderedManifests.RepoRoot;
        Assert.Contains("AddWebhooks(", File.ReadAllText(Path.Combine(root, "services", "Court", "CourtServiceExtensions.cs")));
        Assert.Contains("AddWebhooks(", File.ReadAllText(Path.Combine(root, "services", "State", "Program.cs")));
        foreach (var dir in new[] { Path.Combine(root, "services", "Assembly"), Path.Combine(root, "gateway") })
        foreach (var file in Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal)))
            Assert.DoesNotContain("AddWebhooks(", File.ReadAllText(file));

        var objects = RenderedManifests.Overlay(overlay);
        var ours = objects.OfType<V1Deployment>().Select(d => d.Spec.Template.Metadata.Labels["app.kubernetes.io/name"]).ToHashSet();
        var policies = objects.OfType<V1NetworkPolicy>().ToList();
        foreach (var sender in WebhookSenders)
        {
            var labels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = sender };
            Assert.True(policies.Where(p => !SelectsAll(p.Spec.PodSelector) && Selects(p.Spec.PodSelector, labels)).SelectMany(p => p.Spec.Egress ?? []).Any(IsWebhookRule),
                $"{sender} sends webhooks but no NetworkPolicy lets it reach a receiver outside the cluster on 443");
        }
        foreach (var p in policies)
        foreach (var rule in p.Spec.Egress ?? [])
        {
            var outside = rule.To is null || rule.To.Count == 0 || rule.To.Any(peer => peer.IpBlock is not null);
            if (!outside) continue;
            var workload = p.Spec.PodSelector.MatchLabels?.TryGetValue("app.kubernetes.io/name", out var n) == true ? n : null;
            if (workload is not null && ours.Contains(workload))
                Assert.True(WebhookSenders.Contains(workload) && IsWebhookRule(rule),
                    $"NetworkPolicy {p.Metadata.Name}: {workload} reaches outside the cluster, and only the webhook senders may (TCP 443)");
            else
                // The operators' pods (broker, databases): the Kubernetes API only, on its ports.
                Assert.True(rule.Ports is { Count: > 0 } && rule.Ports.All(x => x.Port?.Value is "443" or "6443"),
                    $"NetworkPolicy {p.Metadata.Name} opens an egress beyond the cluster on more than the Kubernetes API's ports");
        }
    }

    /// <summary>
    /// Issue 13: inside the Court's cluster too, every broker connection is AMQPS (the broker serves no plain listener),
    /// the broker's certificate checked against a CA from a Secret; no service is told plain text is allowed.
    /// </summary>
    [Theory, MemberData(nameof(Overlays))]
    public void Every_broker_connection_is_AMQPS_to_a_broker_without_plain_listeners_and_none_allows_plain_text(string overlay)
    {
        var objects = RenderedManifests.Overlay(overlay);
        var tls = (IDictionary<object, object>)Spec(objects.Custom("RabbitmqCluster").Single())["tls"];
        Assert.Equal("rabbitmq-tls", tls["secretName"]);
        Assert.Equal("true", tls["disableNonTLSListeners"]);
        var toCreate = Lines(RenderedManifests.Run("bash", ["infra/k8s/create-secrets", "--list", .. States(objects)], RenderedManifests.RepoRoot));
        Assert.Contains("rabbitmq-tls tls.crt", toCreate);
        Assert.Contains("rabbitmq-tls tls.key", toCreate);

        var clients = new List<string>();
        foreach (var (workload, pod) in Workloads(objects))
        foreach (var c in pod.Spec.Containers)
        {
            var env = (c.Env ?? []).ToList();
            Assert.DoesNotContain(env, e => e.Name.EndsWith("Broker__AllowPlainText", StringComparison.Ordinal));
            if (!env.Any(e => e.Name == "Broker__Host")) continue;
            clients.Add(workload);
            string? Value(string name) => env.SingleOrDefault(e => e.Name == name)?.Value;
            Assert.Equal("true", Value("Broker__Tls__Enabled"));
            Assert.Equal("5671", Value("Broker__Port"));
            // The CA file is a key of a Secret volume mounted where the setting says.
            var ca = Value("Broker__Tls__CaCertificate") ?? "";
            var mount = Assert.Single(c.VolumeMounts ?? [], m => ca.StartsWith(m.MountPath + "/", StringComparison.Ordinal));
            var secret = pod.Spec.Volumes.Single(v => v.Name == mount.Name).Secret;
            Assert.True(secret is not null, $"{workload}: {ca} is not from a Secret");
            Assert.Contains(secret.Items, i => i.Path == ca[(mount.MountPath.Length + 1)..]);
        }
        Assert.Equal(new[] { "assembly", "prosecutor", "registry", "state-host" }, clients.Order().ToArray());
        // No policy opens the plain AMQP or management ports any more.
        foreach (var p in objects.OfType<V1NetworkPolicy>())
        foreach (var port in (p.Spec.Ingress ?? []).SelectMany(r => r.Ports ?? []).Concat((p.Spec.Egress ?? []).SelectMany(r => r.Ports ?? [])))
            Assert.True(port.Port?.Value is not ("5672" or "15672"), $"NetworkPolicy {p.Metadata.Name} opens plain port {port.Port?.Value}");
    }

    [GeneratedRegex("(password|secret|token|apikey|api-key|passphrase|privatekey)", RegexOptions.IgnoreCase)]
    private static partial Regex CredentialName();

    [GeneratedRegex(@"password=(?!\$\()", RegexOptions.IgnoreCase)]
    private static partial Regex LiteralPasswordInValue();

    [Theory, MemberData(nameof(Overlays))]
    public void No_credential_is_written_in_a_manifest_and_every_referenced_Secret_is_one_to_create_or_an_operators(string overlay)
    {
        var objects = RenderedManifests.Overlay(overlay);
        Assert.Empty(objects.OfType<V1Secret>());
        foreach (var map in objects.OfType<V1ConfigMap>())
        foreach (var (key, value) in map.Data ?? new Dictionary<string, string>())
        {
            Assert.False(CredentialName().IsMatch(key), $"ConfigMap {map.Metadata.Name} has a credential-like key {key}");
            Assert.False(LiteralPasswordInValue().IsMatch(value), $"ConfigMap {map.Metadata.Name}/{key} holds a password");
        }
        // What infra/k8s/create-secrets makes (and production must hold), and what the operators create themselves.
        var toCreate = Lines(RenderedManifests.Run("bash", ["infra/k8s/create-secrets", "--list", .. overlay == "local" ? new[] { "--local" } : [], .. States(objects)], RenderedManifests.RepoRoot));
        var byOperators = objects.Custom("Cluster").SelectMany(c => new[] { $"{c.Name}-app username", $"{c.Name}-app password" }).ToHashSet();
        var referenced = new List<string>();
        foreach (var (workload, pod) in Workloads(objects))
        {
            foreach (var c in pod.Spec.Containers)
            foreach (var env in c.Env ?? [])
            {
                var at = $"{workload}/{c.Name} {env.Name}";
                if (env.ValueFrom?.SecretKeyRef is { } secret) referenced.Add($"{secret.Name} {secret.Key}");
                else if (env.Value is { } value)
                {
                    Assert.False(LiteralPasswordInValue().IsMatch(value), $"{at} has a password in its value");
                    if (!env.Name.EndsWith("ConnectionString", StringComparison.Ordinal))
                        Assert.False(CredentialName().IsMatch(env.Name.Replace("SigningKeyPath", "", StringComparison.Ordinal)), $"{at} is a credential given as a plain value");
                }
            }
            foreach (var v in pod.Spec.Volumes ?? [])
                if (v.Secret is { } s)
                    referenced.AddRange(s.Items?.Select(i => $"{s.SecretName} {i.Key}") ?? throw new InvalidOperationException($"{workload}: secret volume {v.Name} names no keys"));
        }
        // The shovels' URIs (issue 12), which the Topology Operator reads from a Secret.
        referenced.AddRange(objects.Custom("Shovel").Select(x => (string)((IDictionary<object, object>)Spec(x)["uriSecret"])["name"])
            .SelectMany(n => new[] { $"{n} srcUri", $"{n} destUri" }));
        referenced.AddRange(objects.Custom("User").Select(u =>
            (string)((IDictionary<object, object>)((IDictionary<object, object>)u.Raw["spec"])["importCredentialsSecret"])["name"])
            .SelectMany(n => new[] { $"{n} username", $"{n} password" }));
        var unknown = referenced.Distinct().Where(r => !toCreate.Contains(r) && !byOperators.Contains(r)).ToList();
        Assert.True(unknown.Count == 0, $"referenced but neither created by create-secrets nor by an operator: {string.Join(", ", unknown)}");
    }

    private static HashSet<string> Lines((int Code, string Stdout, string Stderr) run)
    {
        Assert.True(run.Code == 0, run.Stderr);
        return run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
    }

    internal static string[] States(IReadOnlyList<RenderedObject> objects) =>
        objects.OfType<V1ConfigMap>().Single(m => m.Metadata.Name == "court-states").Data["states"].Split(',');

    private static IDictionary<object, object> Spec(RenderedObject o) => (IDictionary<object, object>)o.Raw["spec"];

    [Theory, MemberData(nameof(Overlays))]
    public void Every_State_of_the_list_has_its_broker_user_permission_quorum_queues_exchanges_bindings_node_and_route(string overlay)
    {
        var objects = RenderedManifests.Overlay(overlay);
        Assert.Equal(["UGA", "ZAF", "NLD"], States(objects));
        AssertEveryStateIsWired(objects);
    }

    /// <summary>Each State of court-states: broker user (limits), permission, quorum queues, exchanges, bindings, a hosted
    /// node with its own port behind the state-host Service, a gateway route, cluster and client.</summary>
    internal static void AssertEveryStateIsWired(IReadOnlyList<RenderedObject> objects)
    {
        var states = States(objects);
        var users = objects.Custom("User").ToDictionary(u => u.Name);
        var permissions = objects.Custom("Permission").ToDictionary(p => (string)((IDictionary<object, object>)Spec(p)["userReference"])["name"]);
        // Keyed "VHOST NAME" for a State's own vhost (issue 12: names repeat across vhosts), by name alone on "/".
        static string At(RenderedObject o, object name) => (string)Spec(o)["vhost"] == "/" ? (string)name : $"{Spec(o)["vhost"]} {name}";
        var queues = objects.Custom("Queue").ToDictionary(q => At(q, Spec(q)["name"]));
        var exchanges = objects.Custom("Exchange").Select(e => At(e, Spec(e)["name"])).ToHashSet();
        var bindings = objects.Custom("Binding").Select(b => At(b, $"{Spec(b)["source"]} -> {Spec(b)["destination"]}")).ToHashSet();
        var vhosts = objects.Custom("Vhost").Select(v => (string)Spec(v)["name"]).ToHashSet();
        var shovels = objects.Custom("Shovel").ToDictionary(x => At(x, Spec(x)["name"]));
        var stateHost = objects.OfType<V1Deployment>().Single(d => d.Metadata.Name == "state-host").Spec.Template.Spec.Containers.Single().Env;
        var gateway = objects.OfType<V1Deployment>().Single(d => d.Metadata.Name == "gateway").Spec.Template.Spec.Containers.Single().Env;
        foreach (var code in states)
        {
            var s = $"state-{code.ToLowerInvariant()}";
            Assert.True(users.TryGetValue(s, out var user), $"{code}: no broker user {s}");
            Assert.Equal($"broker-{s}", ((IDictionary<object, object>)Spec(user)["importCredentialsSecret"])["name"]);
            Assert.True(((IDictionary<object, object>)Spec(user)).ContainsKey("limits"), $"{s} has no connection and channel limits");
            var granted = (IDictionary<object, object>)Spec(permissions[s])["permissions"];
            Assert.Equal($"^{s}(_error|_skipped)?$", granted["read"]);
            foreach (var q in new[] { s, $"registry.from-{s}", $"prosecutor.from-{s}", $"assembly.from-{s}" })
                Assert.True(queues.ContainsKey(q), $"{code}: no queue {q}");
            foreach (var x in new[] { s, $"{s}.to-registry", $"{s}.to-prosecutor", $"{s}.to-assembly" })
                Assert.Contains(x, exchanges);
            foreach (var b in new[] { $"{s} -> {s}", $"{s}.to-registry -> registry.from-{s}", $"{s}.to-prosecutor -> prosecutor.from-{s}", $"{s}.to-assembly -> assembly.from-{s}" })
                Assert.Contains(b, bindings);
            // Issue 12: the State's user works in its own vhost only, joined to the Court's "/" by on-confirm shovels.
            Assert.Contains(s, vhosts);
            Assert.Equal(s, Spec(permissions[s])["vhost"]);
            Assert.True(queues.ContainsKey($"{s} {s}"), $"{code}: no queue {s} in its vhost");
            foreach (var organ in new[] { "registry", "prosecutor", "assembly" })
            {
                Assert.Contains($"{s} {s}.to-{organ} -> to-{organ}", bindings);
                Assert.True(shovels.TryGetValue($"{s} to-{organ}", out var up), $"{code}: no shovel to the {organ}");
                Assert.Equal($"{s}.to-{organ}", Spec(up)["destExchange"]);
            }
            Assert.True(shovels.TryGetValue($"{s} from-court", out var down), $"{code}: no shovel from the Court");
            Assert.Equal(s, Spec(down)["srcQueue"]);
            Assert.Contains(stateHost, e => e.Name.EndsWith("__Broker__VirtualHost", StringComparison.Ordinal) && e.Value == s);
            Assert.Contains(stateHost, e => e.Name.EndsWith("__State__Code", StringComparison.Ordinal) && e.Value == code);
            Assert.Contains(gateway, e => e.Name == $"ReverseProxy__Routes__state-{code}__Match__Path" && e.Value == $"/states/{code}/{{**rest}}");
            Assert.Contains(gateway, e => e.Value == $"{s}-cms");
        }
        var nodePorts = stateHost.Where(e => e.Name.EndsWith("__ASPNETCORE_URLS", StringComparison.Ordinal)).Select(e => e.Value).ToList();
        Assert.Equal(states.Length, nodePorts.Distinct().Count());
        Assert.Equal(states.Length, objects.OfType<V1Service>().Single(x => x.Metadata.Name == "state-host").Spec.Ports.Count);
        Assert.Equal(states.Length, objects.Custom("Cluster").Count(c => c.Name.StartsWith("state-", StringComparison.Ordinal)));
        // Quorum queues only (issue 12 §5), on a three-node broker; the services declare theirs as quorum queues too.
        Assert.All(queues.Values, q => Assert.Equal("quorum", Spec(q)["type"]));
        Assert.All(shovels.Values, x => Assert.Equal("on-confirm", Spec(x)["ackMode"]));
        Assert.Contains("rabbitmq_shovel", ((IEnumerable<object>)((IDictionary<object, object>)Spec(objects.Custom("RabbitmqCluster").Single())["rabbitmq"])["additionalPlugins"]).Cast<string>());
        Assert.Equal("3", Spec(objects.Custom("RabbitmqCluster").Single())["replicas"]);
        foreach (var (workload, pod) in Workloads(objects))
        foreach (var c in pod.Spec.Containers.Where(c => c.Env?.Any(e => e.Name == "Broker__Host") == true))
            Assert.Contains(c.Env, e => e.Name == "Broker__QuorumQueues" && e.Value == "true");
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Registry_and_Prosecutor_run_two_or_more_instances_under_a_disruption_budget_and_the_gateway_scales(string overlay)
    {
        var objects = RenderedManifests.Overlay(overlay);
        var budgets = objects.OfType<V1PodDisruptionBudget>().ToList();
        foreach (var name in new[] { "registry", "prosecutor", "gateway" })
        {
            var deployment = objects.OfType<V1Deployment>().Single(d => d.Metadata.Name == name);
            Assert.True(deployment.Spec.Replicas >= 2, $"{name} runs {deployment.Spec.Replicas} instance(s)");
            Assert.Contains(budgets, b => Selects(b.Spec.Selector, deployment.Spec.Template.Metadata.Labels)
                                          && (b.Spec.MinAvailable?.Value is "1" or "2" || b.Spec.MaxUnavailable?.Value == "1"));
            // Spread over nodes, so that one node lost never takes every instance.
            Assert.Contains(deployment.Spec.Template.Spec.TopologySpreadConstraints ?? [],
                t => t.TopologyKey == "kubernetes.io/hostname" && Selects(t.LabelSelector, deployment.Spec.Template.Metadata.Labels));
        }
        var hpa = Assert.Single(objects.OfType<V2HorizontalPodAutoscaler>());
        Assert.Equal(("Deployment", "gateway"), (hpa.Spec.ScaleTargetRef.Kind, hpa.Spec.ScaleTargetRef.Name));
        Assert.True(hpa.Spec.MinReplicas >= 2 && hpa.Spec.MaxReplicas > hpa.Spec.MinReplicas);
    }

    [Fact]
    public void The_committed_generated_manifests_are_what_infra_k8s_generate_prints_for_the_default_States()
    {
        var root = RenderedManifests.RepoRoot;
        var committed = Path.Combine(root, "infra", "k8s", "base", "generated");
        var fresh = Directory.CreateTempSubdirectory("coop-k8s-generated-");
        try
        {
            var run = RenderedManifests.Run("bash", ["infra/k8s/generate", "--out", fresh.FullName, "UGA", "ZAF", "NLD"], root);
            Assert.True(run.Code == 0, run.Stderr);
            var names = (string d) => Directory.GetFiles(d).Select(Path.GetFileName).Order().ToList();
            Assert.Equal(names(fresh.FullName), names(committed));
            foreach (var file in names(committed))
                Assert.True(File.ReadAllText(Path.Combine(committed, file!)) == File.ReadAllText(Path.Combine(fresh.FullName, file!)),
                    $"infra/k8s/base/generated/{file} is out of date: run infra/k8s/generate and commit the result");
        }
        finally
        {
            fresh.Delete(recursive: true);
        }
    }
}
