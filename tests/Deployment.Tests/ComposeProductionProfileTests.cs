using YamlDotNet.Serialization;

namespace Cooperation.Deployment.Tests;

/// <summary>
/// docker-compose.yml's production profile (issue 13) carries the TLS settings of the Kubernetes production overlay:
/// checked on what `docker-compose config` resolves (anchors merged, variables filled in from a fresh infra/compose-env
/// file), not on the file's text. infra/test installs docker-compose (Debian's) before the tests run.
/// </summary>
public sealed class ComposeProductionProfileTests
{
    private static readonly Lazy<IDictionary<object, object>> Services = new(Resolve);

    private static IDictionary<object, object> Resolve()
    {
        var root = RenderedManifests.RepoRoot;
        var work = Directory.CreateTempSubdirectory("coop-compose-");
        try
        {
            var envFile = Path.Combine(work.FullName, "compose.env");
            var env = RenderedManifests.Run("bash", ["infra/compose-env", envFile], root);
            Assert.True(env.Code == 0, env.Stderr);
            (int Code, string Stdout, string Stderr) config;
            try
            {
                config = RenderedManifests.Run("docker-compose", ["-f", "docker-compose.yml", "--env-file", envFile, "--profile", "production", "config"], root);
            }
            catch (InvalidOperationException e)
            {
                throw new InvalidOperationException("docker-compose is not on PATH: infra/test installs it (apt-get install docker-compose)", e);
            }
            Assert.True(config.Code == 0, $"docker-compose config failed ({config.Code}):\n{config.Stderr}");
            var tree = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(config.Stdout);
            return (IDictionary<object, object>)tree["services"];
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static object? Get(IDictionary<object, object> map, string key) => map.TryGetValue(key, out var v) ? v : null;

    private static IDictionary<object, object> Map(object? node) => node as IDictionary<object, object> ?? new Dictionary<object, object>();

    private static IEnumerable<string> Strings(object? node) => node is IEnumerable<object> list ? list.Select(x => x is IDictionary<object, object> m ? (string)m["source"] : (string)x) : [];

    private static List<string> Profiles(object service) => Strings(Map(service).TryGetValue("profiles", out var p) ? p : null).ToList();

    private static Dictionary<string, string> Environment(object service) =>
        Map(Map(service).TryGetValue("environment", out var e) ? e : null).ToDictionary(kv => (string)kv.Key, kv => kv.Value?.ToString() ?? "");

    private static List<(string Name, IDictionary<object, object> Service)> Production() =>
        Services.Value.Where(kv => Profiles(kv.Value).Contains("production")).Select(kv => ((string)kv.Key, Map(kv.Value))).ToList();

    [Fact]
    public void Every_service_is_in_a_profile_so_the_production_profile_starts_no_plain_text_service()
    {
        // A service without profiles would start beside the production ones.
        foreach (var (name, service) in Services.Value)
            Assert.True(Profiles(service).Count > 0, $"{name} is in no profile: `--profile production` would start it too");
        var production = Production();
        Assert.Contains(production, s => s.Name == "rabbitmq-production");
        Assert.Contains(production, s => s.Name == "gateway-production");
        Assert.Equal(3, production.Count(s => Environment(s.Service).ContainsKey("State__Code")));
        foreach (var (name, service) in production)
        {
            Assert.True(service.TryGetValue("restart", out var restart) && restart is "unless-stopped" or "always" or "on-failure",
                $"{name} has no restart policy (issue 12)");
            // Only the trace viewer, which carries no request, is shared with the local profile; the rest never sit on
            // the local profile's network.
            if (name != "trace-viewer")
                Assert.True(Map(service.TryGetValue("networks", out var n) ? n : null).Keys.Cast<string>().SequenceEqual(["production"]),
                    $"{name} is not on the production network alone");
        }
    }

    [Fact]
    public void Every_production_service_reaches_the_broker_over_AMQPS_and_none_allows_plain_text()
    {
        var clients = 0;
        foreach (var (name, service) in Production())
        {
            var env = Environment(service);
            Assert.False(env.ContainsKey("Broker__AllowPlainText"), $"{name} allows plain AMQP (Broker__AllowPlainText)");
            Assert.False(env.ContainsKey("Auth__AllowHttpAuthority"), $"{name} allows a plain-http token authority");
            Assert.False(env.ContainsKey("Identity__AllowHttpIssuer"), $"{name} allows a plain-http issuer");
            if (env.TryGetValue("Auth__Authority", out var authority))
                Assert.StartsWith("https://", authority);
            if (!env.ContainsKey("Broker__Host")) continue;
            clients++;
            Assert.Equal("true", env.GetValueOrDefault("Broker__Tls__Enabled"));
            Assert.Equal("5671", env.GetValueOrDefault("Broker__Port"));
            // The CA it checks the broker's certificate against is a secret the service is given.
            var ca = env.GetValueOrDefault("Broker__Tls__CaCertificate") ?? "";
            Assert.StartsWith("/run/secrets/", ca);
            Assert.Contains(ca["/run/secrets/".Length..], Strings(service.TryGetValue("secrets", out var s) ? s : null));
        }
        Assert.Equal(6, clients); // registry, prosecutor, assembly and three States
    }

    [Fact]
    public void The_production_broker_listens_for_AMQPS_only_with_its_certificate_from_secrets()
    {
        var broker = Production().Single(s => s.Name == "rabbitmq-production").Service;
        Assert.Equal("1", Environment(broker).GetValueOrDefault("COOP_BROKER_TLS"));
        var secrets = Strings(broker["secrets"]).ToList();
        foreach (var secret in new[] { "court-ca", "broker-certificate", "broker-key" }) Assert.Contains(secret, secrets);
        var volumes = ((IEnumerable<object>)broker["volumes"]).Select(v => v is IDictionary<object, object> m ? $"{m["source"]}:{m["target"]}" : (string)v).ToList();
        var conf = Assert.Single(volumes, v => v.Contains("/etc/rabbitmq/conf.d/", StringComparison.Ordinal));
        Assert.Contains("compose-rabbitmq-tls.conf", conf);
        var lines = File.ReadAllLines(Path.Combine(RenderedManifests.RepoRoot, "infra", "broker", "compose-rabbitmq-tls.conf"))
            .Where(l => !l.StartsWith('#')).ToList();
        Assert.Contains("listeners.tcp = none", lines);
        Assert.Contains("listeners.ssl.default = 5671", lines);
        Assert.Contains("ssl_options.versions.1 = tlsv1.3", lines);
        Assert.Contains("ssl_options.versions.2 = tlsv1.2", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("ssl_options.versions.3", StringComparison.Ordinal));
        // The published broker port is the AMQPS one only (the management UI stays on loopback).
        var published = ((IEnumerable<object>)broker["ports"])
            .Select(p => p is IDictionary<object, object> m ? $"{Get(m, "host_ip")}:{Get(m, "published")}:{Get(m, "target")}" : ((string)p).Replace("/tcp", "", StringComparison.Ordinal)).ToList();
        Assert.Contains(published, p => p.EndsWith(":5671", StringComparison.Ordinal));
        Assert.DoesNotContain(published, p => p.EndsWith(":5672", StringComparison.Ordinal) || p.EndsWith(":5680", StringComparison.Ordinal));
    }

    [Fact]
    public void The_production_gateway_serves_HTTPS_only_with_its_certificate_from_secrets_and_an_https_issuer()
    {
        var gateway = Production().Single(s => s.Name == "gateway-production").Service;
        var env = Environment(gateway);
        Assert.True(env["ASPNETCORE_URLS"].Split(';').All(u => u.StartsWith("https://", StringComparison.Ordinal)), env["ASPNETCORE_URLS"]);
        Assert.StartsWith("https://", env["Identity__Issuer"]);
        var secrets = Strings(gateway["secrets"]).ToList();
        foreach (var key in new[] { "Kestrel__Certificates__Default__Path", "Kestrel__Certificates__Default__KeyPath" })
            Assert.Contains(env[key]["/run/secrets/".Length..], secrets);
        // Plain http to a State node only on the compose network, by the names this file gives them.
        var privateHosts = env.Where(kv => kv.Key.StartsWith("Gateway__AllowHttpStateHosts__", StringComparison.Ordinal)).Select(kv => kv.Value).ToHashSet();
        var stateNodes = Production().Where(s => Environment(s.Service).ContainsKey("State__Code"))
            .SelectMany(s => Strings(Get(Map(Map(s.Service["networks"])["production"]), "aliases"))).ToHashSet();
        Assert.Subset(stateNodes, privateHosts);
        foreach (var (key, value) in env.Where(kv => kv.Key.StartsWith("ReverseProxy__Clusters__state-", StringComparison.Ordinal)))
            Assert.True(value.StartsWith("https://", StringComparison.Ordinal) || privateHosts.Contains(new Uri(value).Host), $"{key} is plain http to {value}");
    }
}
