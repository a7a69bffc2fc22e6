namespace Cooperation.EndToEnd.Tests.Platform;

/// <summary>
/// What infra/test started for this run: a private broker (with per-State users) and a trace
/// viewer. Missing settings fail the test with the command to run; nothing is skipped.
/// </summary>
public sealed class TestEnvironment
{
    public string RepoRoot { get; }
    public string BrokerHost { get; }
    public int BrokerPort { get; }
    public int BrokerManagementPort { get; }
    public IReadOnlyDictionary<string, string> BrokerPasswords { get; }
    /// <summary>The test broker's AMQPS listener (issue 13), with the run's certificates in <see cref="TlsDirectory"/>.</summary>
    public int BrokerTlsPort { get; }
    /// <summary>infra/lib/certs.sh's output for this run: ca.pem, server.pem/.key, untrusted-ca.pem, expired.pem/.key, state-xxx.pem/.key.</summary>
    public string TlsDirectory { get; }
    public string DashboardUrl { get; }
    public string OtlpEndpoint { get; }
    public string BuildConfiguration { get; }
    /// <summary>Sqlite (default) or Postgres: infra/test runs the end-to-end suite once with each.</summary>
    public string DatabaseProvider { get; }
    /// <summary>Server part of the PostgreSQL connection string (no database), when the provider is Postgres.</summary>
    public string? PostgresServer { get; }

    private TestEnvironment()
    {
        RepoRoot = Require("COOP_REPO_ROOT");
        BrokerHost = Require("COOP_TEST_BROKER_HOST");
        BrokerPort = int.Parse(Require("COOP_TEST_BROKER_PORT"));
        BrokerManagementPort = int.Parse(Require("COOP_TEST_BROKER_MANAGEMENT_PORT"));
        BrokerPasswords = File.ReadAllLines(Require("COOP_TEST_BROKER_SECRETS"))
            .Select(l => l.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1]);
        BrokerTlsPort = int.Parse(Require("COOP_TEST_BROKER_TLS_PORT"));
        TlsDirectory = Require("COOP_TEST_TLS_DIR");
        DashboardUrl = Require("COOP_TEST_DASHBOARD_URL").TrimEnd('/');
        OtlpEndpoint = Require("COOP_TEST_OTLP_ENDPOINT");
        DatabaseProvider = System.Environment.GetEnvironmentVariable("COOP_TEST_DATABASE") is { Length: > 0 } provider ? provider : "Sqlite";
        if (DatabaseProvider is not ("Sqlite" or "Postgres"))
            throw new InvalidOperationException($"COOP_TEST_DATABASE must be Sqlite or Postgres (got '{DatabaseProvider}').");
        PostgresServer = DatabaseProvider == "Postgres" ? Require("COOP_TEST_POSTGRES") : null;
        // tests/EndToEnd.Tests/bin/<Configuration>/net10.0/: start the services built the same way.
        BuildConfiguration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;
    }

    public static TestEnvironment Current { get; } = new();

    public string BrokerPassword(string user) =>
        BrokerPasswords.TryGetValue(user, out var password)
            ? password
            : throw new InvalidOperationException($"No broker password for '{user}' in COOP_TEST_BROKER_SECRETS.");

    public string ServiceDll(string projectDirectory, string assemblyName) =>
        Path.Combine(RepoRoot, projectDirectory, "bin", BuildConfiguration, "net10.0", assemblyName + ".dll");

    private static string Require(string name) =>
        System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set. Run the suite with infra/test, which starts a private broker and trace viewer.");
}
