using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Platform;

namespace Cooperation.EndToEnd.Tests.Resilience;

/// <summary>
/// A platform of its own for the resilience tests (issue 12): <see cref="Instances"/> instances each of the Registry and
/// the Prosecutor on one PostgreSQL database per organ (competing consumers, racing outbox dispatchers and deadline
/// schedulers), the State nodes UGA and ZAF, and the gateway balancing partners' calls over the instances. It lives in
/// a private virtual host of the test broker with the Court's topology (queues, exchanges, bindings and the States'
/// anchored permissions, as infra/lib/broker.sh declares them on "/"), so it shares no queue with
/// <see cref="PlatformFixture"/>. Always on PostgreSQL: several instances of a service need a shared database (a SQLite
/// file admits one process, StartupRecoveryTests), and the fault suite stops PostgreSQL.
/// </summary>
public sealed class ResiliencePlatform : IAsyncDisposable
{
    public static readonly string[] States = ["UGA", "ZAF"];
    /// <summary>In the register, no node runs: its travel-alert acknowledgement clocks always fall (reminder, then miss).</summary>
    public const string SilentState = "NLD";
    public const string Partner = "resilience-desk";
    public const string Operator = "resilience-operator";
    private const string PartnerScopes = "registry prosecutor state:UGA state:ZAF";

    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    private readonly string _data = Directory.CreateTempSubdirectory("coop-resilience-").FullName;
    private readonly Dictionary<string, (string Dll, int Port, Dictionary<string, string> Settings)> _launches = [];
    private readonly Dictionary<string, ServiceProcess> _running = [];
    private readonly Dictionary<string, string> _secrets = new() { [Partner] = Guid.NewGuid().ToString("N"), [Operator] = Guid.NewGuid().ToString("N") };
    private readonly List<string> _logs = [];

    public int Instances { get; }
    public string VirtualHost { get; } = "resilience-" + Guid.NewGuid().ToString("N")[..8];
    /// <summary>A State's own vhost here (issue 12: the State's user has no permission on the Court's vhost).</summary>
    public string StateVirtualHost(string code) => $"{VirtualHost}.state-{code.ToLowerInvariant()}";
    private IEnumerable<string> StateVirtualHosts => States.Append(SilentState).Select(StateVirtualHost);
    /// <summary>Every queue the Court declares here: quorum queues when asked for (the cluster test), else classic.</summary>
    public bool QuorumQueues { get; }
    public string PostgresServer { get; }

    public ResiliencePlatform(int instances, bool quorumQueues = false, string? postgresServer = null)
    {
        Instances = instances;
        QuorumQueues = quorumQueues;
        PostgresServer = postgresServer ?? (System.Environment.GetEnvironmentVariable("COOP_TEST_POSTGRES") is { Length: > 0 } pg
            ? pg
            : throw new InvalidOperationException("COOP_TEST_POSTGRES is not set. Run the suite with infra/test, which starts a private PostgreSQL."));
    }

    /// <summary>Service names: registry-1, registry-2, prosecutor-1, ..., state-uga, state-zaf, gateway.</summary>
    public IEnumerable<string> ServiceNames => _launches.Keys;
    public ServiceProcess this[string name] => _running[name];
    public Uri GatewayAddress => _running["gateway"].BaseAddress;
    private static Uri HttpsAddress(int port) => new($"https://localhost:{port}/");
    public string Token { get; private set; } = "";
    public string OperatorToken { get; private set; } = "";

    /// <summary>Broker connection strings the services get: a host (and port), or several nodes of a cluster.</summary>
    public Func<string, Dictionary<string, string>> BrokerSettings { get; init; } = user => new()
    {
        ["Broker__Host"] = TestEnvironment.Current.BrokerHost,
        ["Broker__Port"] = TestEnvironment.Current.BrokerPort.ToString(),
    };

    /// <summary>Extra settings for every Court service (e.g. the fault suite's crash points).</summary>
    public Dictionary<string, string> CourtSettings { get; } = [];

    public HttpClient Client() => PlatformFixture.CreateClient(GatewayAddress, Token, Handler());
    public HttpClient OperatorClient() => PlatformFixture.CreateClient(GatewayAddress, OperatorToken, Handler());

    /// <summary>
    /// Issue 13: the gateway on HTTPS only (the run's server certificate for localhost), its issuer an https URL, and every
    /// service trusting the run's CA (SSL_CERT_FILE) when it fetches the gateway's signing keys; partners trust it too.
    /// </summary>
    public bool Https { get; init; }

    private HttpMessageHandler Handler() => Https ? Deployment.TestCertificates.TrustingHandler() : new HttpClientHandler();

    /// <summary>The database of an organ or State (shared by all instances of it): registry, prosecutor, state-uga.</summary>
    public ServiceDatabase Database(string service) => new("Postgres", ConnectionString(service));

    public string ConnectionString(string service) => ConnectionString(service, PostgresServer);

    private string ConnectionString(string service, string server) =>
        $"{server};Database=coop_res_{_runId}_{service.Replace('-', '_')};Timeout=5;Command Timeout=15";

    /// <summary>
    /// The PostgreSQL server a service's instances use, when not the test cluster itself (a test routes one organ's
    /// database through a <see cref="TcpForwarder"/> it can cut); the harness's own checks still go direct.
    /// </summary>
    public Func<string, string?> DatabaseServerFor { get; init; } = _ => null;

    public async Task StartAsync()
    {
        await DeclareTopologyAsync();
        var env = TestEnvironment.Current;
        var gatewayPort = ServiceProcess.FreePort();
        var authority = Https ? $"https://localhost:{gatewayPort}/" : $"http://127.0.0.1:{gatewayPort}/";

        for (var i = 1; i <= Instances; i++)
        {
            Add($"registry-{i}", env.ServiceDll("services/Registry", "Cooperation.Registry"), Settings("registry", authority));
            Add($"prosecutor-{i}", env.ServiceDll("services/Prosecutor", "Cooperation.Prosecutor"), Settings("prosecutor", authority));
        }
        foreach (var code in States)
        {
            var user = $"state-{code.ToLowerInvariant()}";
            var settings = Settings(user, authority);
            settings["State__Code"] = code;
            Add(user, env.ServiceDll("services/State", "Cooperation.State"), settings);
        }

        var gateway = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = env.OtlpEndpoint,
            ["OTEL_SERVICE_NAME"] = "gateway-resilience",
            ["Database__Provider"] = "Sqlite",
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(_data, "gateway.db")}",
            ["Identity__Issuer"] = authority,
            ["Identity__SigningKeyPath"] = Path.Combine(_data, "keys", "gateway-signing.pem"),
            ["Identity__AccessTokenLifetime"] = "01:00:00",
            ["Identity__Clients__0__ClientId"] = Partner,
            ["Identity__Clients__0__Secret"] = _secrets[Partner],
            ["Identity__Clients__0__Scopes"] = PartnerScopes,
            // A steady partner must not be throttled by the per-client limit.
            ["Identity__Clients__0__RateLimit"] = "100000",
            ["Identity__Clients__1__ClientId"] = Operator,
            ["Identity__Clients__1__Secret"] = _secrets[Operator],
            ["Identity__Clients__1__Scopes"] = "operator",
        };
        foreach (var organ in new[] { "registry", "prosecutor" })
        {
            // Competing instances behind one route: round robin over them.
            gateway[$"ReverseProxy__Clusters__{organ}__LoadBalancingPolicy"] = "RoundRobin";
            for (var i = 1; i <= Instances; i++)
                gateway[$"ReverseProxy__Clusters__{organ}__Destinations__{(i == 1 ? "primary" : "instance" + i)}__Address"] =
                    $"http://127.0.0.1:{_launches[$"{organ}-{i}"].Port}/";
        }
        // No Assembly runs here, and the gateway's /health asks every backend: its cluster points at the Registry, so
        // /health reflects the processes that do run (no test here calls an Assembly route).
        gateway["ReverseProxy__Clusters__assembly__Destinations__primary__Address"] = $"http://127.0.0.1:{_launches["registry-1"].Port}/";
        // Nor does a console (issue 10): the same for its cluster.
        gateway["ReverseProxy__Clusters__console__Destinations__primary__Address"] = $"http://127.0.0.1:{_launches["registry-1"].Port}/";
        foreach (var code in States)
        {
            var port = _launches[$"state-{code.ToLowerInvariant()}"].Port;
            gateway[$"ReverseProxy__Routes__state-{code}__ClusterId"] = $"state-{code}";
            gateway[$"ReverseProxy__Routes__state-{code}__AuthorizationPolicy"] = "state";
            gateway[$"ReverseProxy__Routes__state-{code}__Match__Path"] = $"/states/{code}/{{**rest}}";
            gateway[$"ReverseProxy__Clusters__state-{code}__Destinations__primary__Address"] = $"http://127.0.0.1:{port}/";
            gateway[$"ReverseProxy__Routes__state-{code}-operations__ClusterId"] = $"state-{code}";
            gateway[$"ReverseProxy__Routes__state-{code}-operations__AuthorizationPolicy"] = "operator";
            gateway[$"ReverseProxy__Routes__state-{code}-operations__Match__Path"] = $"/operations/states/{code}/{{**rest}}";
            gateway[$"ReverseProxy__Routes__state-{code}-operations__Transforms__0__PathPattern"] = "/operations/{**rest}";
        }
        if (Https)
        {
            gateway["ASPNETCORE_URLS"] = authority;
            gateway["Kestrel__Certificates__Default__Path"] = Deployment.TestCertificates.File("server.pem");
            gateway["Kestrel__Certificates__Default__KeyPath"] = Deployment.TestCertificates.File("server.key");
        }
        Add("gateway", env.ServiceDll("gateway/Gateway", "Cooperation.Gateway"), gateway, gatewayPort);

        foreach (var name in _launches.Keys) Launch(name);
        await Task.WhenAll(_running.Values.Select(s => s.WaitHealthyAsync(TimeSpan.FromSeconds(120))));
        Token = await TokenAsync(Partner);
        OperatorToken = await TokenAsync(Operator);
    }

    private Dictionary<string, string> Settings(string brokerUser, string authority)
    {
        var env = TestEnvironment.Current;
        var settings = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = env.OtlpEndpoint,
            ["OTEL_SERVICE_NAME"] = brokerUser + "-resilience",
            ["Broker__VirtualHost"] = brokerUser.StartsWith("state-", StringComparison.Ordinal) ? StateVirtualHost(brokerUser[6..]) : VirtualHost,
            ["Broker__Username"] = brokerUser,
            ["Broker__Password"] = env.BrokerPassword(brokerUser),
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = ConnectionString(brokerUser, DatabaseServerFor(brokerUser) ?? PostgresServer),
            ["Register__States"] = string.Join(',', States.Append(SilentState)),
            ["Alerts__AcknowledgeWithin"] = "00:00:20",
            ["Alerts__WarnBeforeDue"] = "00:00:10",
            ["Scheduling__PollInterval"] = "00:00:01",
            ["Auth__Authority"] = authority,
        };
        if (Https) settings["SSL_CERT_FILE"] = Deployment.TestCertificates.File("ca.pem");
        foreach (var (key, value) in BrokerSettings(brokerUser)) settings[key] = value;
        if (!brokerUser.StartsWith("state-", StringComparison.Ordinal))
            foreach (var (key, value) in CourtSettings) settings[key] = value;
        return settings;
    }

    private void Add(string name, string dll, Dictionary<string, string> settings, int? port = null) =>
        _launches[name] = (dll, port ?? ServiceProcess.FreePort(), settings);

    private ServiceProcess Launch(string name, IReadOnlyDictionary<string, string>? extra = null)
    {
        var (dll, port, settings) = _launches[name];
        var environment = new Dictionary<string, string>(settings);
        foreach (var (key, value) in extra ?? new Dictionary<string, string>()) environment[key] = value;
        var process = Https && name == "gateway"
            ? ServiceProcess.Start($"resilience-{name}", dll, port, environment, HttpsAddress(port), Deployment.TestCertificates.TrustingHandler)
            : ServiceProcess.Start($"resilience-{name}", dll, port, environment);
        _running[name] = process;
        return process;
    }

    /// <summary>SIGKILL, as the kernel's OOM killer or a power cut would: no clean shutdown, nothing flushed.</summary>
    public async Task KillAsync(string name)
    {
        var process = _running[name];
        if (process.HasExited) return;
        using (var kill = System.Diagnostics.Process.Start("kill", ["-KILL", process.ProcessId.ToString()]))
            await kill!.WaitForExitAsync();
        await process.WaitForExitAsync(TimeSpan.FromSeconds(10));
        lock (_logs) _logs.Add($"--- {name} (killed) ---\n{process.Output}");
    }

    /// <summary>Starts the service again on its port and database; waits for /health unless told not to.</summary>
    public async Task<ServiceProcess> RestartAsync(string name, bool waitHealthy = true, IReadOnlyDictionary<string, string>? extra = null)
    {
        var process = Launch(name, extra);
        if (waitHealthy) await process.WaitHealthyAsync(TimeSpan.FromSeconds(120));
        return process;
    }

    /// <summary>Everything every process of this platform wrote (earlier, killed processes included).</summary>
    public string Output
    {
        get
        {
            lock (_logs) return string.Join('\n', _logs.Concat(_running.Select(r => $"--- {r.Key} ---\n{r.Value.Output}")));
        }
    }

    private async Task<string> TokenAsync(string clientId)
    {
        using var http = PlatformFixture.CreateClient(GatewayAddress, token: null, Handler());
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = _secrets[clientId],
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"no token for {clientId}: {(int)response.StatusCode} {body}");
        return (string)JsonNode.Parse(body)!["access_token"]!;
    }

    // --- the broker: a private vhost with the Court's topology -------------------------------------------------------

    public static HttpClient Management(int? port = null)
    {
        var env = TestEnvironment.Current;
        var http = new HttpClient { BaseAddress = new Uri($"http://{env.BrokerHost}:{port ?? env.BrokerManagementPort}") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{env.BrokerPassword("admin")}")));
        return http;
    }

    /// <summary>The management API the topology is declared through (a cluster test points it at one node).</summary>
    public int? ManagementPort { get; set; }

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>
    /// What broker_definitions (infra/lib/broker.sh) declares on "/" and in each State's vhost, here in this platform's own
    /// vhost and one per State, with the same shovels between them.
    /// </summary>
    private async Task DeclareTopologyAsync()
    {
        using var http = Management(ManagementPort);
        var vh = Uri.EscapeDataString(VirtualHost);
        (await http.PutAsync($"/api/vhosts/{vh}", Body("{}"))).EnsureSuccessStatusCode();
        foreach (var user in new[] { "admin", "registry", "prosecutor" })
            (await http.PutAsync($"/api/permissions/{vh}/{user}", Body("""{"configure":".*","write":".*","read":".*"}"""))).EnsureSuccessStatusCode();
        var organs = new[] { "registry", "prosecutor", "assembly" };
        var queues = new List<string>(organs);
        var exchanges = new List<string>(organs);
        var bindings = organs.Select(o => (o, o)).ToList();
        foreach (var code in States.Append(SilentState))
        {
            var s = $"state-{code.ToLowerInvariant()}";
            queues.Add(s);
            exchanges.Add(s);
            bindings.Add((s, s));
            foreach (var organ in organs)
            {
                queues.Add($"{organ}.from-{s}");
                exchanges.Add($"{s}.to-{organ}");
                bindings.Add(($"{s}.to-{organ}", $"{organ}.from-{s}"));
            }
        }
        var arguments = QuorumQueues ? """{"x-queue-type":"quorum"}""" : "{}";
        await DeclareAsync(http, vh, queues, exchanges, bindings, arguments);

        foreach (var code in States.Append(SilentState))
        {
            var s = $"state-{code.ToLowerInvariant()}";
            var svh = Uri.EscapeDataString(StateVirtualHost(code));
            (await http.PutAsync($"/api/vhosts/{svh}", Body("{}"))).EnsureSuccessStatusCode();
            (await http.PutAsync($"/api/permissions/{svh}/admin", Body("""{"configure":".*","write":".*","read":".*"}"""))).EnsureSuccessStatusCode();
            var permissions = new JsonObject
            {
                ["configure"] = $@"^{s}(\.to-registry|\.to-prosecutor|\.to-assembly|_error|_skipped)?$",
                ["write"] = $@"^{s}(\.to-registry|\.to-prosecutor|\.to-assembly|_error|_skipped)$",
                ["read"] = $@"^{s}(_error|_skipped)?$",
            };
            (await http.PutAsync($"/api/permissions/{svh}/{s}", Body(permissions.ToJsonString()))).EnsureSuccessStatusCode();
            await DeclareAsync(http, svh,
                [s, .. organs.Select(o => $"to-{o}")],
                [s, .. organs.Select(o => $"{s}.to-{o}")],
                [(s, s), .. organs.Select(o => ($"{s}.to-{o}", $"to-{o}"))],
                arguments);
            await ShovelAsync(http, svh, "from-court", VirtualHost, s, StateVirtualHost(code), s);
            foreach (var organ in organs)
                await ShovelAsync(http, svh, $"to-{organ}", StateVirtualHost(code), $"to-{organ}", VirtualHost, $"{s}.to-{organ}");
        }
    }

    private static async Task DeclareAsync(HttpClient http, string vh, IEnumerable<string> queues, IEnumerable<string> exchanges,
        IEnumerable<(string Source, string Queue)> bindings, string arguments)
    {
        foreach (var q in queues)
            (await http.PutAsync($"/api/queues/{vh}/{q}", Body($$"""{"durable":true,"auto_delete":false,"arguments":{{arguments}}}"""))).EnsureSuccessStatusCode();
        foreach (var x in exchanges)
            (await http.PutAsync($"/api/exchanges/{vh}/{x}", Body("""{"type":"fanout","durable":true,"auto_delete":false,"internal":false,"arguments":{}}"""))).EnsureSuccessStatusCode();
        foreach (var (source, queue) in bindings)
            (await http.PostAsync($"/api/bindings/{vh}/e/{source}/q/{queue}", Body("""{"routing_key":"","arguments":{}}"""))).EnsureSuccessStatusCode();
    }

    /// <summary>A dynamic shovel as broker_definitions declares them: queue to exchange, direct connections, on-confirm.</summary>
    private static async Task ShovelAsync(HttpClient http, string vh, string name, string fromVhost, string fromQueue, string toVhost, string toExchange)
    {
        var value = new JsonObject
        {
            ["value"] = new JsonObject
            {
                ["src-protocol"] = "amqp091", ["src-uri"] = "amqp:///" + Uri.EscapeDataString(fromVhost), ["src-queue"] = fromQueue,
                ["dest-protocol"] = "amqp091", ["dest-uri"] = "amqp:///" + Uri.EscapeDataString(toVhost), ["dest-exchange"] = toExchange,
                ["ack-mode"] = "on-confirm", ["src-delete-after"] = "never", ["reconnect-delay"] = 1,
            },
        };
        (await http.PutAsync($"/api/parameters/shovel/{vh}/{name}", Body(value.ToJsonString()))).EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Consumers and messages of a queue (management API): a State's queue (state-uga) in that State's vhost, where its
    /// node consumes it; any other in the Court's vhost.
    /// </summary>
    public async Task<JsonObject> QueueAsync(string queue)
    {
        using var http = Management(ManagementPort);
        var code = States.Append(SilentState).FirstOrDefault(c => queue == $"state-{c.ToLowerInvariant()}");
        var vhost = code is null ? VirtualHost : StateVirtualHost(code);
        return JsonNode.Parse(await http.GetStringAsync($"/api/queues/{Uri.EscapeDataString(vhost)}/{Uri.EscapeDataString(queue)}"))!.AsObject();
    }

    /// <summary>Every queue of the Court's vhost (by name) and of the States' vhosts (named "state-uga/to-registry").</summary>
    public async Task<List<JsonObject>> QueuesAsync()
    {
        using var http = Management(ManagementPort);
        var all = JsonNode.Parse(await http.GetStringAsync($"/api/queues/{Uri.EscapeDataString(VirtualHost)}"))!.AsArray()
            .Select(q => q!.AsObject()).ToList();
        foreach (var code in States.Append(SilentState))
            foreach (var q in JsonNode.Parse(await http.GetStringAsync($"/api/queues/{Uri.EscapeDataString(StateVirtualHost(code))}"))!.AsArray())
            {
                var queue = q!.AsObject();
                queue["name"] = $"state-{code.ToLowerInvariant()}/{(string)queue["name"]!}";
                all.Add(queue);
            }
        return all;
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_running.Values.Select(s => s.DisposeAsync().AsTask()));
        try
        {
            using var http = Management(ManagementPort);
            await http.DeleteAsync($"/api/vhosts/{Uri.EscapeDataString(VirtualHost)}");
            foreach (var vhost in StateVirtualHosts) await http.DeleteAsync($"/api/vhosts/{Uri.EscapeDataString(vhost)}");
        }
        catch (HttpRequestException) { }
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }
}
