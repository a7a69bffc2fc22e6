using System.Net.Http.Headers;
using System.Text;
using Cooperation.EndToEnd.Tests.Platform;

namespace Cooperation.EndToEnd.Tests.Resilience;

/// <summary>
/// Issue 12: a service killed at any point of its start-up (before, during and after migration, during
/// seeding, before the bus connects) starts normally the next time, with nothing half-written. Each case
/// runs a fresh instance on a fresh database (SQLite, or PostgreSQL with COOP_TEST_DATABASE=Postgres) and a
/// private virtual host of the test broker, so it shares no queue with the platform the other tests use.
/// In the platform collection so these process starts do not compete for the CPU with the others.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class StartupRecoveryTests : IAsyncLifetime
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(90);
    private readonly string _vhost = "startup-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _data = Directory.CreateTempSubdirectory("coop-startup-").FullName;
    private readonly List<string> _postgresDatabases = [];

    public static TheoryData<string, string> KillPoints => new()
    {
        { "registry", "startup-before-migrate" },
        { "registry", "startup-during-migrate" },
        { "registry", "startup-after-migrate" },
        { "registry", "startup-during-seeding" }, // the Registry seeds the register (Register__States)
        { "registry", "startup-before-bus" },
        { "prosecutor", "startup-before-migrate" },
        { "prosecutor", "startup-during-migrate" },
        { "prosecutor", "startup-after-migrate" },
        { "prosecutor", "startup-before-bus" },
        { "state-uga", "startup-before-migrate" },
        { "state-uga", "startup-during-migrate" },
        { "state-uga", "startup-after-migrate" },
        { "state-uga", "startup-before-bus" },
    };

    [Theory]
    [MemberData(nameof(KillPoints))]
    public async Task A_service_killed_during_start_up_starts_normally_the_next_time(string service, string point)
    {
        var database = FreshDatabase(service);

        await using (var killed = Launch(service, database, crashAt: point))
        {
            var exit = await killed.WaitForExitAsync(Soon);
            // It must really die at that point, or this test proves nothing.
            Assert.True(killed.Output.Contains($"Testing:CrashAt={point}: killing the process now"),
                $"{service} exited ({exit}) without reaching {point}:\n{killed.Output}");
        }

        await using var restarted = Launch(service, database);
        await restarted.WaitHealthyAsync(Soon);
        Assert.Contains("Start-up: migrating the database", restarted.Output);
        Assert.Contains("is ready", restarted.Output);

        // Complete, not half-written: every migration applied, no lock left, the register seeded once.
        var db = new ServiceDatabase(TestEnvironment.Current.DatabaseProvider, database);
        Assert.True(await db.CountAsync("SELECT count(*) FROM \"__EFMigrationsHistory\"") >= 1);
        if (!db.IsPostgres)
            Assert.Equal(0, await db.CountAsync("SELECT count(*) FROM \"__EFMigrationsLock\""));
        if (service == "registry")
            Assert.Equal(Seeded.Length, await db.CountAsync("SELECT count(*) FROM state_parties"));
    }

    [Fact]
    public async Task Killed_while_migrating_leaves_no_lock_that_the_next_start_waits_for()
    {
        // The reported failure (issue 12): on SQLite, EF Core's lock row outlived the killed process and every
        // later start waited for it forever. On PostgreSQL the lock is an advisory lock that dies with the session.
        var database = FreshDatabase("state-uga");
        await using (var killed = Launch("state-uga", database, crashAt: "startup-during-migrate"))
            await killed.WaitForExitAsync(Soon);
        var db = new ServiceDatabase(TestEnvironment.Current.DatabaseProvider, database);
        if (db.IsPostgres)
            Assert.Equal(0, await db.CountAsync(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"));
        else
            Assert.Equal(1, await db.CountAsync("SELECT count(*) FROM \"__EFMigrationsLock\"")); // left behind: the next start must cope

        await using var restarted = Launch("state-uga", database);
        await restarted.WaitHealthyAsync(Soon);
        if (!db.IsPostgres) Assert.Contains("removed a stale migration lock", restarted.Output);
    }

    [Fact]
    public async Task A_second_process_on_a_SQLite_database_is_refused_with_one_clear_line_and_on_PostgreSQL_joins()
    {
        var database = FreshDatabase("state-uga");
        await using var first = Launch("state-uga", database);
        await first.WaitHealthyAsync(Soon);

        await using var second = Launch("state-uga", database);
        if (TestEnvironment.Current.DatabaseProvider == "Postgres")
        {
            // Several instances of a service share one PostgreSQL database (competing consumers).
            await second.WaitHealthyAsync(Soon);
        }
        else
        {
            // One SQLite file, one process: a second one would race the first one's writes and migrations.
            var exit = await second.WaitForExitAsync(Soon);
            Assert.True(exit == 3, $"exit code {exit}:\n{second.Output}");
            var line = Assert.Single(second.Output.Split('\n'), l => l.Contains("start-up error"));
            Assert.Contains("is in use by another running process", line);
            Assert.DoesNotContain("   at ", second.Output);
        }
        Assert.False(first.HasExited);
    }

    private static readonly string[] Seeded = ["UGA", "ZAF", "NLD"];

    private ServiceProcess Launch(string service, string database, string? crashAt = null)
    {
        var env = TestEnvironment.Current;
        var (project, assembly) = service switch
        {
            "registry" => ("services/Registry", "Cooperation.Registry"),
            "prosecutor" => ("services/Prosecutor", "Cooperation.Prosecutor"),
            _ => ("services/State", "Cooperation.State"),
        };
        var settings = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = env.OtlpEndpoint,
            ["OTEL_SERVICE_NAME"] = service + "-startup",
            ["Broker__Host"] = env.BrokerHost,
            ["Broker__Port"] = env.BrokerPort.ToString(),
            ["Broker__VirtualHost"] = _vhost,
            ["Broker__Username"] = service,
            ["Broker__Password"] = env.BrokerPassword(service),
            ["Database__Provider"] = env.DatabaseProvider,
            ["Database__ConnectionString"] = database,
            ["Register__States"] = string.Join(',', Seeded),
            ["Auth__Authority"] = "http://127.0.0.1:9/", // fetched only when a token is checked: none is here
        };
        if (service.StartsWith("state-", StringComparison.Ordinal)) settings["State__Code"] = service[6..].ToUpperInvariant();
        if (crashAt is not null) settings["Testing__CrashAt"] = crashAt;
        return ServiceProcess.Start($"{service}-startup", env.ServiceDll(project, assembly), ServiceProcess.FreePort(), settings);
    }

    private string FreshDatabase(string service)
    {
        var env = TestEnvironment.Current;
        var name = $"{service.Replace('-', '_')}_{Guid.NewGuid():N}"[..30];
        if (env.PostgresServer is { } server)
        {
            _postgresDatabases.Add("coop_startup_" + name);
            return $"{server};Database=coop_startup_{name}";
        }
        return $"Data Source={Path.Combine(_data, name + ".db")}";
    }

    // A private virtual host on the test broker, with the services' users allowed in it.
    public async Task InitializeAsync()
    {
        using var http = Management();
        (await http.PutAsync($"/api/vhosts/{_vhost}", Json("{}"))).EnsureSuccessStatusCode();
        foreach (var user in new[] { "registry", "prosecutor", "state-uga" })
            (await http.PutAsync($"/api/permissions/{_vhost}/{user}", Json("""{"configure":".*","write":".*","read":".*"}""")))
                .EnsureSuccessStatusCode();
        // A State node declares nothing of its own: the Court's topology gives it its queue (infra/lib/broker.sh).
        (await http.PutAsync($"/api/queues/{_vhost}/state-uga", Json("""{"durable":true,"auto_delete":false,"arguments":{}}""")))
            .EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        using var http = Management();
        await http.DeleteAsync($"/api/vhosts/{_vhost}");
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }

    private static HttpClient Management()
    {
        var env = TestEnvironment.Current;
        var http = new HttpClient { BaseAddress = new Uri($"http://{env.BrokerHost}:{env.BrokerManagementPort}") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{env.BrokerPassword("admin")}")));
        return http;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
