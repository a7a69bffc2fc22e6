using Cooperation.EndToEnd.Tests.Platform;

namespace Cooperation.EndToEnd.Tests.Resilience;

/// <summary>
/// Issue 12 §1, found by the fault suite on a loaded machine: a State node whose PostgreSQL did not accept its first
/// connection within the connection timeout died at start-up ("The operation has timed out", exit 134). A database
/// that is away for a while (restarting, failing over, slow) is waited for, saying so; the service starts when it
/// comes. The database's port is a forwarder this test opens only after the service has said it is waiting.
/// </summary>
[Collection(PlatformCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class DatabaseLateAtStartupTests : IAsyncLifetime
{
    private readonly string _vhost = "dblate-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _database = "coop_dblate_" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task A_service_whose_database_is_not_reachable_yet_waits_saying_so_and_starts_when_it_comes()
    {
        var server = new Npgsql.NpgsqlConnectionStringBuilder(PostgresServer);
        var port = ServiceProcess.FreePort();
        var env = TestEnvironment.Current;
        var settings = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = env.OtlpEndpoint,
            ["OTEL_SERVICE_NAME"] = "state-uga-dblate",
            ["Broker__Host"] = env.BrokerHost,
            ["Broker__Port"] = env.BrokerPort.ToString(),
            ["Broker__VirtualHost"] = _vhost,
            ["Broker__Username"] = "state-uga",
            ["Broker__Password"] = env.BrokerPassword("state-uga"),
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] =
                $"Host=127.0.0.1;Port={port};Username={server.Username};Password={server.Password};Database={_database};Timeout=2",
            ["Auth__Authority"] = "http://127.0.0.1:9/",
            ["State__Code"] = "UGA",
        };
        await using var node = ServiceProcess.Start("state-uga-dblate", env.ServiceDll("services/State", "Cooperation.State"),
            ServiceProcess.FreePort(), settings);

        // Nothing listens on the database's port: the node says so and keeps trying, it does not die.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!node.Output.Contains("Start-up: the database (127.0.0.1:" + port) && DateTime.UtcNow < deadline && !node.HasExited)
            await Task.Delay(200);
        Assert.False(node.HasExited, "the node died while its database was away:\n" + node.Output);
        Assert.Contains("is not reachable yet", node.Output);
        Assert.Contains("trying again in", node.Output);
        await Task.Delay(TimeSpan.FromSeconds(3)); // a second attempt fails too, and still the node waits
        Assert.False(node.HasExited, node.Output);

        // The database comes: the node migrates and starts, on the same process.
        using var forwarder = new TcpForwarder(port, server.Host!, server.Port);
        forwarder.Open();
        await node.WaitHealthyAsync(TimeSpan.FromSeconds(90));
        Assert.Contains("Start-up: database ready", node.Output);
        Assert.DoesNotContain("Unhandled exception", node.Output);
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static string PostgresServer =>
        Environment.GetEnvironmentVariable("COOP_TEST_POSTGRES") is { Length: > 0 } pg
            ? pg
            : throw new InvalidOperationException("COOP_TEST_POSTGRES is not set: run the tests with infra/test, which starts PostgreSQL.");

    public async Task InitializeAsync()
    {
        // A private virtual host with the node's own queue (the Court's topology declares it, as in StartupRecoveryTests).
        using var http = ResiliencePlatform.Management();
        (await http.PutAsync($"/api/vhosts/{_vhost}", Json("{}"))).EnsureSuccessStatusCode();
        (await http.PutAsync($"/api/permissions/{_vhost}/state-uga", Json("""{"configure":".*","write":".*","read":".*"}""")))
            .EnsureSuccessStatusCode();
        (await http.PutAsync($"/api/queues/{_vhost}/state-uga", Json("""{"durable":true,"auto_delete":false,"arguments":{}}""")))
            .EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        using var http = ResiliencePlatform.Management();
        await http.DeleteAsync($"/api/vhosts/{_vhost}");
        await using var connection = new Npgsql.NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
