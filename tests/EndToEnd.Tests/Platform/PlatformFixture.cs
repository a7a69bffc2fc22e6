using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Cooperation.EndToEnd.Tests.Platform;

/// <summary>
/// The whole platform as real processes on the private test broker: Registry, Prosecutor, the
/// Assembly, two State nodes (UGA, ZAF), and the gateway in front, which issues tokens to the test's partner
/// clients (secrets generated per run, never committed). Partners' calls go through the gateway.
/// One instance for every end-to-end test: two platforms on one broker would compete for its queues.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public static readonly string[] States = ["UGA", "ZAF"];
    /// <summary>
    /// States in the register (with a broker user and queue, COOP_TEST_STATES) that run no node here: their requests and
    /// alerts are never delivered (evidence signals, overdue alerts). Six States in all, as the Italy 2025 case needs.
    /// </summary>
    public static readonly string[] RegisterOnly = ["NLD", "DEU", "AUT", "BEL"];
    public static IEnumerable<string> Registered => States.Concat(RegisterOnly);

    /// <summary>
    /// The State nodes hosted together in one State process (issue 11), so every test of the platform — the
    /// confidentiality, scope and broker tests among them — runs against hosted nodes beside one another.
    /// </summary>
    public static readonly string[] HostedStates = ["UGA", "ZAF"];

    /// <summary>Requests per window allowed to <see cref="RateLimitedClient"/> (a low limit a test can exceed).</summary>
    public const int RateLimitedClientLimit = 5;
    public const string RateLimitedClient = "rate-limited-desk";
    public const int MaxRequestBodyBytes = 1024 * 1024;

    /// <summary>The partner clients the gateway is configured with: id → scopes.</summary>
    public static readonly IReadOnlyDictionary<string, string> Clients = new Dictionary<string, string>
    {
        ["registry-desk"] = "registry",
        ["prosecutor-desk"] = "prosecutor",
        ["state-uga-cms"] = "state:UGA",
        ["state-zaf-cms"] = "state:ZAF",
        ["public-reader"] = "public",
        // One desk that drives both sides of a flow (delivery tests): the Registry's and Uganda's scopes.
        ["registry-and-uganda"] = "registry state:UGA",
        ["prosecutor-and-uganda"] = "prosecutor state:UGA",
        [RateLimitedClient] = "registry",
        // The Assembly's readers of the cooperation records (/registry/records, issue 9 §4).
        ["assembly-records-reader"] = "assembly",
        ["focal-point-records-reader"] = "focal-point",
        // Operators' tooling (/operations/...: audit verification, error queues).
        ["operator-console"] = "operator",
        // The Assembly's Secretariat for the Presidency/Bureau, and two regional focal points on non-cooperation.
        ["assembly-secretariat"] = "assembly",
        ["focal-point-africa"] = "focal-point",
        ["focal-point-asia"] = "focal-point",
    };

    private readonly List<ServiceProcess> _services = [];
    private readonly Dictionary<string, (string Project, string Assembly, Dictionary<string, string> Settings)> _launches = [];
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("coop-e2e-").FullName;
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    private readonly Dictionary<string, string> _secrets = Clients.Keys.ToDictionary(c => c, _ => Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> _tokens = [];

    public TestEnvironment Environment => TestEnvironment.Current;

    /// <summary>Every service's HTTP(S) proxy: records any call it makes beyond this machine (none is allowed).</summary>
    public EgressTrap Egress { get; } = new();
    /// <summary>Ports of the webhook receivers the tests ran on 127.0.0.1: the one outbound destination the nodes may call (issue 14).</summary>
    public System.Collections.Concurrent.ConcurrentBag<int> WebhookReceiverPorts { get; } = [];
    public ServiceProcess Gateway { get; private set; } = null!;
    public ServiceProcess Registry { get; private set; } = null!;
    public ServiceProcess Prosecutor { get; private set; } = null!;
    public ServiceProcess Assembly { get; private set; } = null!;
    /// <summary>The web consoles (issue 10), reached only through the gateway at /console/.</summary>
    public ServiceProcess Consoles { get; private set; } = null!;

    /// <summary>The consoles as a browser opens them: the gateway's address, /console/.</summary>
    public Uri ConsoleUrl => new(Gateway.BaseAddress, "console/");

    /// <summary>The people who sign in to the consoles (user name → desk, time zone); passwords generated per run.</summary>
    public static readonly IReadOnlyDictionary<string, (string Desk, string TimeZone)> People = new Dictionary<string, (string, string)>
    {
        ["registry-officer"] = ("registry", "Europe/Amsterdam"),
        ["uga-clerk"] = ("state:UGA", "Africa/Kampala"),
        ["zaf-clerk"] = ("state:ZAF", "Africa/Johannesburg"),
        ["operator"] = ("operator", "UTC"),
        ["assembly-focal-point"] = ("focal-point", "America/New_York"),
        ["assembly-presidency"] = ("assembly", "Europe/Amsterdam"),
    };

    private readonly Dictionary<string, string> _passwords = People.Keys.ToDictionary(p => p, _ => Guid.NewGuid().ToString("N"));
    private readonly string _consoleSecret = Guid.NewGuid().ToString("N");

    /// <summary>The generated password of a console person.</summary>
    public string PasswordOf(string userName) => _passwords[userName];

    /// <summary>
    /// A views-by date for the President's letter whose reminders fall every 30 s from the platform's start for 25
    /// minutes (the Assembly's reminder offsets are set for it), so a test sees a real reminder fire in real time.
    /// Any other views-by date a whole number of days away gets its reminders in the past (dropped) or days ahead.
    /// </summary>
    public DateOnly AssemblyRemindedViewsDueBy { get; private set; }
    public IReadOnlyDictionary<string, ServiceProcess> StateNodes { get; private set; } = new Dictionary<string, ServiceProcess>();

    /// <summary>Every process of the platform, for tests that inspect their output.</summary>
    public IReadOnlyList<ServiceProcess> Services => _services;

    /// <summary>The SQLite file of a service (by broker user name, e.g. state-zaf); null on PostgreSQL.</summary>
    public string? SqliteFileOf(string service) =>
        Environment.PostgresServer is null ? Path.Combine(_dataDirectory, service + ".db") : null;


    /// <summary>The gateway's own SQLite file (clients and hashed secrets; SQLite on both test passes).</summary>
    public string GatewayDatabaseFile => Path.Combine(_dataDirectory, "gateway.db");

    /// <summary>The gateway's token issuer, which every service is told to trust (Auth__Authority).</summary>
    public string Issuer => Gateway.BaseAddress.ToString();

    /// <summary>The PEM file the gateway created at first start and signs with (tests mint tokens with it).</summary>
    public string SigningKeyPath => Path.Combine(_dataDirectory, "keys", "gateway-signing.pem");

    /// <summary>A partner system calling through the gateway with a token for exactly these scopes, fetched once and reused.</summary>
    public HttpClient CreatePartnerClient(params string[] scopes)
    {
        var wanted = string.Join(' ', scopes.Order(StringComparer.Ordinal));
        var client = Clients.Where(c => c.Key != RateLimitedClient)
                         .FirstOrDefault(c => string.Join(' ', c.Value.Split(' ').Order(StringComparer.Ordinal)) == wanted).Key
                     ?? throw new ArgumentException($"No test client has exactly the scopes '{wanted}'.");
        return CreateClientFor(client);
    }

    /// <summary>A partner system identified by its client id, calling through the gateway.</summary>
    public HttpClient CreateClientFor(string clientId) => CreateClient(Gateway.BaseAddress, _tokens[clientId]);

    /// <summary>An HTTP client to any address (e.g. a service directly, bypassing the gateway), with or without a token.</summary>
    public static HttpClient CreateClient(Uri baseAddress, string? token, HttpMessageHandler? handler = null)
    {
        var client = new HttpClient(handler ?? new HttpClientHandler()) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public string TokenOf(string clientId) => _tokens[clientId];

    public string SecretOf(string clientId) => _secrets[clientId];

    public async Task InitializeAsync()
    {
        var env = Environment;
        // The issuer must be known before the services start: pick the gateway's port first.
        var gatewayPort = ServiceProcess.FreePort();
        var authority = $"http://127.0.0.1:{gatewayPort}/";

        Registry = Start("registry", "services/Registry", "Cooperation.Registry", "registry", Settings("registry", authority));
        Prosecutor = Start("prosecutor", "services/Prosecutor", "Cooperation.Prosecutor", "prosecutor", Settings("prosecutor", authority));
        var states = new Dictionary<string, ServiceProcess>();
        foreach (var code in States)
        {
            var user = $"state-{code.ToLowerInvariant()}";
            var settings = Settings(user, authority);
            settings["State__Code"] = code;
            if (HostedStates.Contains(code)) { _hostedStates[code] = settings; continue; }
            states[code] = Start(user, "services/State", "Cooperation.State", user, settings);
        }
        if (_hostedStates.Count > 0)
            foreach (var (code, node) in StartHostedStates(null, null)) states[code] = node;
        StateNodes = states;

        var assembly = Settings("assembly", authority);
        assembly["Assembly__States"] = string.Join(',', Registered);
        var started = DateTimeOffset.UtcNow;
        AssemblyRemindedViewsDueBy = DateOnly.FromDateTime(started.UtcDateTime).AddDays(30);
        var due = new DateTimeOffset(AssemblyRemindedViewsDueBy.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        for (var k = 0; k < 50; k++)
            assembly[$"Scheduling__ReminderOffsets__{k}"] = (due - started - TimeSpan.FromSeconds(30 * (k + 1))).ToString("c");
        assembly["Scheduling__PollInterval"] = "00:00:01";
        Assembly = Start("assembly", "services/Assembly", "Cooperation.Assembly", "assembly", assembly);

        // The consoles call the gateway (the issuer's address); the gateway routes /console/ to them.
        Consoles = Start("console", "gateway/Consoles", "Cooperation.Consoles", "console", new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = env.OtlpEndpoint,
            ["Console__Gateway"] = authority,
            ["Console__ClientSecret"] = _consoleSecret,
        });

        var gateway = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = env.OtlpEndpoint,
            ["Database__Provider"] = "Sqlite",
            ["Database__ConnectionString"] = $"Data Source={GatewayDatabaseFile}",
            ["Identity__Issuer"] = authority,
            ["Identity__SigningKeyPath"] = SigningKeyPath,
            // One token per client serves the whole run (below), which outlasts the 10-minute default.
            ["Identity__AccessTokenLifetime"] = "01:00:00",
            ["Gateway__MaxRequestBodyBytes"] = MaxRequestBodyBytes.ToString(),
            ["ReverseProxy__Clusters__registry__Destinations__primary__Address"] = Registry.BaseAddress.ToString(),
            ["ReverseProxy__Clusters__prosecutor__Destinations__primary__Address"] = Prosecutor.BaseAddress.ToString(),
            ["ReverseProxy__Clusters__assembly__Destinations__primary__Address"] = Assembly.BaseAddress.ToString(),
            ["ReverseProxy__Clusters__console__Destinations__primary__Address"] = Consoles.BaseAddress.ToString(),
        };
        var i = 0;
        foreach (var (clientId, scopes) in Clients)
        {
            gateway[$"Identity__Clients__{i}__ClientId"] = clientId;
            gateway[$"Identity__Clients__{i}__Secret"] = _secrets[clientId];
            gateway[$"Identity__Clients__{i}__Scopes"] = scopes;
            if (clientId == RateLimitedClient) gateway[$"Identity__Clients__{i}__RateLimit"] = RateLimitedClientLimit.ToString();
            i++;
        }
        // The consoles' client (authorization code + PKCE, no scope of its own) and the people who sign in through it.
        gateway[$"Identity__Clients__{i}__ClientId"] = "console";
        gateway[$"Identity__Clients__{i}__Secret"] = _consoleSecret;
        gateway[$"Identity__Clients__{i}__RedirectUris__0"] = $"{authority}console/signin-gateway";
        gateway[$"Identity__Clients__{i}__PostLogoutRedirectUris__0"] = $"{authority}console/signed-out";
        gateway[$"Identity__Clients__{i}__RateLimit"] = "100000";
        var p = 0;
        foreach (var (userName, (desk, zone)) in People)
        {
            gateway[$"Identity__People__{p}__UserName"] = userName;
            gateway[$"Identity__People__{p}__Password"] = _passwords[userName];
            gateway[$"Identity__People__{p}__DisplayName"] = userName;
            gateway[$"Identity__People__{p}__Desk"] = desk;
            gateway[$"Identity__People__{p}__TimeZone"] = zone;
            p++;
        }
        foreach (var (code, node) in states)
        {
            // What an operator adds for a new State: its route (policy "state"), its docs route, its cluster.
            gateway[$"ReverseProxy__Routes__state-{code}__ClusterId"] = $"state-{code}";
            gateway[$"ReverseProxy__Routes__state-{code}__AuthorizationPolicy"] = "state";
            gateway[$"ReverseProxy__Routes__state-{code}__Match__Path"] = $"/states/{code}/{{**rest}}";
            gateway[$"ReverseProxy__Routes__state-{code}-docs__ClusterId"] = $"state-{code}";
            gateway[$"ReverseProxy__Routes__state-{code}-docs__AuthorizationPolicy"] = "state"; // strangers cannot list the States
            gateway[$"ReverseProxy__Routes__state-{code}-docs__Match__Path"] = $"/docs/states/{code}/openapi.json";
            gateway[$"ReverseProxy__Routes__state-{code}-docs__Transforms__0__PathSet"] = "/openapi/v1.json";
            gateway[$"ReverseProxy__Clusters__state-{code}__Destinations__primary__Address"] = node.BaseAddress.ToString();
            gateway[$"ReverseProxy__Routes__state-{code}-operations__ClusterId"] = $"state-{code}";
            gateway[$"ReverseProxy__Routes__state-{code}-operations__AuthorizationPolicy"] = "operator";
            gateway[$"ReverseProxy__Routes__state-{code}-operations__Match__Path"] = $"/operations/states/{code}/{{**rest}}";
            gateway[$"ReverseProxy__Routes__state-{code}-operations__Transforms__0__PathPattern"] = "/operations/{**rest}";
        }
        Gateway = Start("gateway", "gateway/Gateway", "Cooperation.Gateway", "gateway", gateway, gatewayPort);

        // Quiet, every service is healthy in a few seconds; on a loaded 2-core machine (parallel builds) a first SQLite
        // migration alone was seen to take 43 s, so the wait is generous: it returns as soon as all are healthy.
        await Task.WhenAll(_services.Select(s => s.WaitHealthyAsync(TimeSpan.FromSeconds(240))));

        // One token per client for the whole run, as partner systems do (issuing one costs a few ms).
        foreach (var clientId in Clients.Keys) _tokens[clientId] = await RequestTokenAsync(clientId, _secrets[clientId]);
    }

    /// <summary>POST /connect/token with client credentials; fails with the gateway's answer if refused.</summary>
    public async Task<string> RequestTokenAsync(string clientId, string secret, string? scope = null)
    {
        using var response = await RequestTokenResponseAsync(clientId, secret, scope);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"No token for {clientId}: {(int)response.StatusCode} {body}");
        return (string)JsonNode.Parse(body)!["access_token"]!;
    }

    public async Task<HttpResponseMessage> RequestTokenResponseAsync(string clientId, string secret, string? scope = null)
    {
        using var http = CreateClient(Gateway.BaseAddress, token: null);
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        };
        if (scope is not null) form["scope"] = scope;
        return await http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
    }

    private Dictionary<string, string> Settings(string brokerUser, string authority)
    {
        var env = Environment;
        return new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = env.OtlpEndpoint,
            ["Broker__Host"] = env.BrokerHost,
            ["Broker__Port"] = env.BrokerPort.ToString(),
            // Issue 12: a State's user works in its own virtual host (infra/lib/broker.sh), the Court on "/".
            ["Broker__VirtualHost"] = Broker.VirtualHostOf(brokerUser),
            ["Broker__Username"] = brokerUser,
            ["Broker__Password"] = env.BrokerPassword(brokerUser),
            ["Database__Provider"] = env.DatabaseProvider,
            ["Database__ConnectionString"] = ConnectionString(brokerUser),
            ["Register__States"] = string.Join(',', Registered),
            ["Evidence__DeliveryWarning"] = "00:00:02",
            ["Evidence__DeliveryOverdue"] = "00:00:04",
            ["Evidence__CheckInterval"] = "00:00:01",
            // Travel alerts (Registry): a short acknowledgement clock, so NLD's undelivered entry warns, then goes overdue,
            // within a test; the overdue is notified to the Assembly's side too.
            ["Alerts__AcknowledgeWithin"] = "00:00:20",
            ["Alerts__WarnBeforeDue"] = "00:00:10",
            ["Alerts__NotifyAssemblyWhenOverdue"] = "true",
            ["Auth__Authority"] = authority,
            // Operators' gauges (backlogs, requests by State and status) re-read every second, not every 15.
            ["Telemetry__ReadingsInterval"] = "00:00:01",
            // Audit heads sent to their keeper every second, not every minute (issue 12).
            ["Audit__Anchor__Interval"] = "00:00:01",
            // Webhooks (issue 14): loopback receivers only (the default, said here), retries within 2 s, dead after 8 attempts (~9 s).
            ["Webhooks__AllowedHosts__0"] = "127.0.0.1",
            ["Webhooks__FirstRetryDelay"] = "00:00:00.200",
            ["Webhooks__MaxRetryDelay"] = "00:00:02",
            ["Webhooks__MaxAttempts"] = "8",
            ["Webhooks__PollInterval"] = "00:00:00.500",
            ["Webhooks__RotationGracePeriod"] = "00:10:00",
        };
    }

    /// <summary>A fresh database per service and run: a SQLite file, or a PostgreSQL database on the test cluster.</summary>
    private string ConnectionString(string service) =>
        Environment.PostgresServer is { } server
            ? $"{server};Database=coop_{_runId}_{service.Replace('-', '_')}"
            : $"Data Source={Path.Combine(_dataDirectory, service + ".db")}";

    private ServiceProcess Start(string name, string project, string assembly, string serviceName, Dictionary<string, string> settings, int? port = null)
    {
        settings["OTEL_SERVICE_NAME"] = serviceName;
        foreach (var (key, value) in Egress.Environment) settings[key] = value;
        _launches[name] = (project, assembly, settings);
        var process = ServiceProcess.Start(name, Environment.ServiceDll(project, assembly), port ?? ServiceProcess.FreePort(), settings);
        _services.Add(process);
        return process;
    }

    private readonly Dictionary<string, Dictionary<string, string>> _hostedStates = [];

    /// <summary>
    /// One State process hosting every node of <see cref="HostedStates"/>: the process environment holds what they
    /// share and each node's own settings as StateHost__Nodes__{i}__{KEY} (services/State/Hosting).
    /// </summary>
    private Dictionary<string, ServiceProcess> StartHostedStates(
        IReadOnlyDictionary<string, int>? ports, IReadOnlyDictionary<string, string>? extraEnvironment, string? forNode = null)
    {
        var codes = _hostedStates.Keys.ToList();
        var portOf = codes.ToDictionary(c => c, c => ports?[c] ?? ServiceProcess.FreePort());
        var environment = new Dictionary<string, string>(_hostedStates[codes[0]]) { ["OTEL_SERVICE_NAME"] = "state-host" };
        foreach (var (key, value) in Egress.Environment) environment[key] = value;
        for (var i = 0; i < codes.Count; i++)
        {
            foreach (var (key, value) in _hostedStates[codes[i]]) environment[$"StateHost__Nodes__{i}__{key}"] = value;
            environment[$"StateHost__Nodes__{i}__OTEL_SERVICE_NAME"] = $"state-{codes[i].ToLowerInvariant()}";
            environment[$"StateHost__Nodes__{i}__ASPNETCORE_URLS"] = $"http://127.0.0.1:{portOf[codes[i]]}";
        }
        // A test's extra settings (a crash point) are the named node's only: its neighbour must not take the crash.
        var target = codes.FindIndex(c => $"state-{c.ToLowerInvariant()}" == forNode);
        foreach (var (key, value) in extraEnvironment ?? new Dictionary<string, string>())
            environment[target >= 0 ? $"StateHost__Nodes__{target}__{key}" : key] = value;
        var host = ServiceProcess.Start($"state-{codes[0].ToLowerInvariant()}", Environment.ServiceDll("services/State", "Cooperation.State"),
            portOf[codes[0]], environment);
        var nodes = codes.ToDictionary(c => c, c => c == codes[0] ? host : host.HostedNode($"state-{c.ToLowerInvariant()}", portOf[c]));
        _services.AddRange(nodes.Values);
        return nodes;
    }

    /// <summary>Restarting a hosted node restarts its process, and so every node in it (as a supervisor would).</summary>
    private async Task<ServiceProcess> RestartHostedStatesAsync(string name, IReadOnlyDictionary<string, string>? extraEnvironment)
    {
        var old = _hostedStates.Keys.ToDictionary(c => c, c => Service($"state-{c.ToLowerInvariant()}"));
        await old.Values.First().Host.DisposeAsync();
        foreach (var node in old.Values) _services.Remove(node);
        var nodes = StartHostedStates(old.ToDictionary(o => o.Key, o => o.Value.Port), extraEnvironment, name);
        var all = new Dictionary<string, ServiceProcess>(StateNodes);
        foreach (var (code, node) in nodes) all[code] = node;
        StateNodes = all;
        var target = nodes.Values.Single(n => n.Name == name);
        await target.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        // An armed node (a crash point) may take the whole process down the moment it is up, while a neighbour is still
        // starting: then only the named node's start is the caller's to wait for (it restarts the process afterwards).
        if (extraEnvironment is { Count: > 0 }) return target;
        await Task.WhenAll(nodes.Values.Select(n => n.WaitHealthyAsync(TimeSpan.FromSeconds(60))));
        return target;
    }

    public ServiceProcess Service(string name) =>
        _services.LastOrDefault(s => s.Name == name) ?? throw new ArgumentException($"No service named {name}.", nameof(name));

    /// <summary>
    /// Stops the service (if it still runs) and starts a new process of it on the same port and
    /// database, with <paramref name="extraEnvironment"/> on top of its settings (e.g.
    /// <c>Testing__CrashAt</c>). Returns once the new process answers /health.
    /// </summary>
    public async Task<ServiceProcess> RestartAsync(string name, IReadOnlyDictionary<string, string>? extraEnvironment = null)
    {
        if (_hostedStates.Keys.Any(c => $"state-{c.ToLowerInvariant()}" == name)) return await RestartHostedStatesAsync(name, extraEnvironment);
        var old = Service(name);
        var (project, assembly, settings) = _launches[name];
        await old.DisposeAsync();
        _services.Remove(old);

        var environment = new Dictionary<string, string>(settings);
        foreach (var (key, value) in extraEnvironment ?? new Dictionary<string, string>()) environment[key] = value;
        var process = ServiceProcess.Start(name, Environment.ServiceDll(project, assembly), old.Port, environment);
        _services.Add(process);
        if (name == "registry") Registry = process;
        if (name == "assembly") Assembly = process;
        if (name == "gateway") Gateway = process;
        if (StateNodes.ContainsKey(name.Replace("state-", "").ToUpperInvariant()))
            StateNodes = new Dictionary<string, ServiceProcess>(StateNodes) { [name.Replace("state-", "").ToUpperInvariant()] = process };
        await process.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        return process;
    }

    /// <summary>Starts the service again (without test settings) if its process has exited; a running one is left alone.</summary>
    public async Task EnsureRunningAsync(string name)
    {
        var service = Service(name);
        if (service.HasExited) await RestartAsync(name);
    }

    /// <summary>The service's own database, opened directly (for assertions the API does not expose).</summary>
    public ServiceDatabase Database(string name) => new(Environment.DatabaseProvider, ConnectionString(name));

    public async Task DisposeAsync()
    {
        await Task.WhenAll(_services.Select(s => s.DisposeAsync().AsTask()));
        await Egress.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
