using System.Net.Http.Headers;

namespace Cooperation.EndToEnd.Tests.Platform;

/// <summary>
/// The whole platform as real processes on the private test broker: Registry, Prosecutor, two
/// State nodes (UGA, ZAF), and the gateway in front. Partners' calls go through the gateway only.
/// One instance for every end-to-end test: two platforms on one broker would compete for its queues.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public static readonly string[] States = ["UGA", "ZAF"];

    private readonly List<ServiceProcess> _services = [];
    private readonly Dictionary<string, (string Project, string Assembly, Dictionary<string, string> Settings)> _launches = [];
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("coop-e2e-").FullName;
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];

    public TestEnvironment Environment => TestEnvironment.Current;
    public ServiceProcess Gateway { get; private set; } = null!;
    public ServiceProcess Registry { get; private set; } = null!;
    public IReadOnlyDictionary<string, ServiceProcess> StateNodes { get; private set; } = new Dictionary<string, ServiceProcess>();

    public HttpClient CreatePartnerClient()
    {
        var client = new HttpClient { BaseAddress = Gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public async Task InitializeAsync()
    {
        var env = Environment;
        Registry = Start("registry", "services/Registry", "Cooperation.Registry", "registry", Settings("registry"));
        var prosecutor = Start("prosecutor", "services/Prosecutor", "Cooperation.Prosecutor", "prosecutor", Settings("prosecutor"));
        var states = new Dictionary<string, ServiceProcess>();
        foreach (var code in States)
        {
            var user = $"state-{code.ToLowerInvariant()}";
            var settings = Settings(user);
            settings["State__Code"] = code;
            states[code] = Start(user, "services/State", "Cooperation.State", user, settings);
        }
        StateNodes = states;

        var gateway = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = env.OtlpEndpoint,
            ["ReverseProxy__Clusters__registry__Destinations__primary__Address"] = Registry.BaseAddress.ToString(),
            ["ReverseProxy__Clusters__prosecutor__Destinations__primary__Address"] = prosecutor.BaseAddress.ToString(),
        };
        foreach (var (code, node) in states)
        {
            gateway[$"ReverseProxy__Routes__state-{code}__ClusterId"] = $"state-{code}";
            gateway[$"ReverseProxy__Routes__state-{code}__Match__Path"] = $"/states/{code}/{{**rest}}";
            gateway[$"ReverseProxy__Clusters__state-{code}__Destinations__primary__Address"] = node.BaseAddress.ToString();
        }
        Gateway = Start("gateway", "gateway/Gateway", "Cooperation.Gateway", "gateway", gateway);

        await Task.WhenAll(_services.Select(s => s.WaitHealthyAsync(TimeSpan.FromSeconds(90))));
    }

    private Dictionary<string, string> Settings(string brokerUser)
    {
        var env = Environment;
        return new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = env.OtlpEndpoint,
            ["Broker__Host"] = env.BrokerHost,
            ["Broker__Port"] = env.BrokerPort.ToString(),
            ["Broker__VirtualHost"] = "/",
            ["Broker__Username"] = brokerUser,
            ["Broker__Password"] = env.BrokerPassword(brokerUser),
            ["Database__Provider"] = env.DatabaseProvider,
            ["Database__ConnectionString"] = ConnectionString(brokerUser),
            ["Register__States"] = string.Join(',', States),
        };
    }

    /// <summary>A fresh database per service and run: a SQLite file, or a PostgreSQL database on the test cluster.</summary>
    private string ConnectionString(string service) =>
        Environment.PostgresServer is { } server
            ? $"{server};Database=coop_{_runId}_{service.Replace('-', '_')}"
            : $"Data Source={Path.Combine(_dataDirectory, service + ".db")}";

    private ServiceProcess Start(string name, string project, string assembly, string serviceName, Dictionary<string, string> settings)
    {
        settings["OTEL_SERVICE_NAME"] = serviceName;
        _launches[name] = (project, assembly, settings);
        var process = ServiceProcess.Start(name, Environment.ServiceDll(project, assembly), ServiceProcess.FreePort(), settings);
        _services.Add(process);
        return process;
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
        var old = Service(name);
        var (project, assembly, settings) = _launches[name];
        await old.DisposeAsync();
        _services.Remove(old);

        var environment = new Dictionary<string, string>(settings);
        foreach (var (key, value) in extraEnvironment ?? new Dictionary<string, string>()) environment[key] = value;
        var process = ServiceProcess.Start(name, Environment.ServiceDll(project, assembly), old.Port, environment);
        _services.Add(process);
        if (name == "registry") Registry = process;
        if (StateNodes.ContainsKey(name.Replace("state-", "").ToUpperInvariant()))
            StateNodes = new Dictionary<string, ServiceProcess>(StateNodes) { [name.Replace("state-", "").ToUpperInvariant()] = process };
        await process.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        return process;
    }

    /// <summary>The service's own database, opened directly (for assertions the API does not expose).</summary>
    public ServiceDatabase Database(string name) => new(Environment.DatabaseProvider, ConnectionString(name));

    public async Task DisposeAsync()
    {
        await Task.WhenAll(_services.Select(s => s.DisposeAsync().AsTask()));
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
