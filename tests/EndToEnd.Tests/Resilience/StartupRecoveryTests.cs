using System.Net.Http.Headers;
using System.Text;
using Cooperation.EndToEnd.Tests.Platform;

namespace Cooperation.EndToEnd.Tests.Resilience;

/// <summary>
/// Issue 12: a service killed at any point of its start-up (before, during and after migration, during
/// seeding, before the bus connects) starts normally the next time, with nothing half-written: the Registry, the
/// Prosecutor, the Assembly, a State and the gateway (its identity store). Each case
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
        { "assembly", "startup-before-migrate" },
        { "assembly", "startup-during-migrate" },
        { "assembly", "startup-after-migrate" },
        { "assembly", "startup-before-bus" },
        // The gateway's identity store (its clients) is migrated and seeded the same way; its last point is before listening.
        { "gateway", "startup-before-migrate" },
        { "gateway", "startup-during-migrate" },
        { "gateway", "startup-after-migrate" },
        { "gateway", "startup-during-seeding" }, // after the first client is registered, before the others
        { "gateway", "startup-before-bus" },
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
        await WaitReadyAsync(restarted, service);
        // Each step said, in order (issue 12: the hung Registry logged nothing).
        var steps = new[] { "Start-up: migrating the database", "Start-up: database ready", "is ready, listening on" }
            .Select(step => restarted.Output.IndexOf(step, StringComparison.Ordinal)).ToList();
        Assert.True(steps.All(i => i >= 0) && steps.SequenceEqual(steps.Order()), $"start-up steps missing or out of order:\n{restarted.Output}");

        // Complete, not half-written: every migration applied, no lock left, the register (the clients) seeded once.
        var db = new ServiceDatabase(ProviderOf(service), database);
        Assert.True(await db.CountAsync("SELECT count(*) FROM \"__EFMigrationsHistory\"") >= 1);
        if (!db.IsPostgres)
            Assert.Equal(0, await db.CountAsync("SELECT count(*) FROM \"__EFMigrationsLock\""));
        if (service == "registry")
            Assert.Equal(Seeded.Length, await db.CountAsync("SELECT count(*) FROM state_parties"));
        if (service == "gateway")
            Assert.Equal(GatewayClients.Length, await db.CountAsync("SELECT count(*) FROM \"OpenIddictApplications\""));
    }

    [Fact]
    public async Task Killed_while_migrating_leaves_no_lock_that_the_next_start_waits_for()
    {
        // The reported failure (issue 12): on SQLite, EF Core's lock row outlived the killed process and every
        // later start waited for it forever.
        var database = FreshDatabase("state-uga");
        await using (var killed = Launch("state-uga", database, crashAt: "startup-during-migrate"))
            await killed.WaitForExitAsync(Soon);
        var db = new ServiceDatabase(TestEnvironment.Current.DatabaseProvider, database);
        if (db.IsPostgres)
        {
            await ThePostgresMigrationLockDiesWithItsHolderAsync(db, database);
            return;
        }
        Assert.Equal(1, await db.CountAsync("SELECT count(*) FROM \"__EFMigrationsLock\"")); // left behind: the next start must cope

        await using var restarted = Launch("state-uga", database);
        await restarted.WaitHealthyAsync(Soon);
        Assert.Contains("removed a stale migration lock", restarted.Output);
    }

    /// <summary>
    /// On PostgreSQL, EF Core's Npgsql provider (10.0.3) locks with <c>LOCK TABLE "__EFMigrationsHistory" IN ACCESS
    /// EXCLUSIVE MODE</c> inside the migration's transaction (not an advisory lock): the server releases it when the
    /// holder's connection ends, which it does when the holding process dies. Proven with a real holder: psql takes
    /// that lock and stays idle in its transaction (as a service killed between two migration commands leaves its
    /// session); a start waits on it (seen in pg_locks); psql is killed with SIGKILL; the start completes.
    /// </summary>
    private async Task ThePostgresMigrationLockDiesWithItsHolderAsync(ServiceDatabase db, string database)
    {
        // EF's own history table (as it creates it), should the killed start's transaction have taken it along.
        await db.ExecuteAsync("""
            CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" ("MigrationId" character varying(150) NOT NULL PRIMARY KEY,
                "ProductVersion" character varying(32) NOT NULL)
            """);
        Assert.Equal(0, await db.CountAsync(
            "SELECT count(*) FROM pg_locks WHERE relation = '\"__EFMigrationsHistory\"'::regclass")); // the killed start's lock is gone

        var pg = new Npgsql.NpgsqlConnectionStringBuilder(database);
        var psql = new System.Diagnostics.ProcessStartInfo("psql", "-X -q -v ON_ERROR_STOP=1")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        psql.Environment["PGHOST"] = pg.Host;
        psql.Environment["PGPORT"] = pg.Port.ToString();
        psql.Environment["PGUSER"] = pg.Username;
        psql.Environment["PGPASSWORD"] = pg.Password;
        psql.Environment["PGDATABASE"] = pg.Database;
        using var holder = System.Diagnostics.Process.Start(psql)!;
        try
        {
            await holder.StandardInput.WriteLineAsync("BEGIN; LOCK TABLE \"__EFMigrationsHistory\" IN ACCESS EXCLUSIVE MODE;");
            await holder.StandardInput.FlushAsync();
            await WaitUntilAsync(async () => await db.CountAsync(
                "SELECT count(*) FROM pg_locks WHERE relation = '\"__EFMigrationsHistory\"'::regclass AND mode = 'AccessExclusiveLock' AND granted") == 1,
                "psql to hold the migration lock");

            await using var starting = Launch("state-uga", database);
            await WaitUntilAsync(async () => await db.CountAsync(
                "SELECT count(*) FROM pg_locks WHERE relation = '\"__EFMigrationsHistory\"'::regclass AND NOT granted") >= 1,
                "the start to wait for the lock");
            Assert.False(starting.HasExited);

            holder.Kill(); // SIGKILL: no COMMIT, no ROLLBACK, no goodbye to the server
            await starting.WaitHealthyAsync(Soon);
            Assert.Equal(0, await db.CountAsync("SELECT count(*) FROM pg_locks WHERE relation = '\"__EFMigrationsHistory\"'::regclass"));
            Assert.True(await db.CountAsync("SELECT count(*) FROM \"__EFMigrationsHistory\"") >= 1);
        }
        finally
        {
            if (!holder.HasExited) holder.Kill();
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20); // EF's lock statement gives up after 30 s (the command timeout)
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("waited in vain for " + what);
            await Task.Delay(100);
        }
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

    private static readonly string[] GatewayClients = ["registry-desk", "prosecutor-desk", "state-uga-cms"];
    private readonly string _gatewaySecret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    /// <summary>The fixture's gateway keeps its store in SQLite on both passes; the services follow the pass.</summary>
    private static string ProviderOf(string service) => service == "gateway" ? "Sqlite" : TestEnvironment.Current.DatabaseProvider;

    /// <summary>A service: /health (database and broker). The gateway: it issues a token, so its store is migrated and seeded.</summary>
    private async Task WaitReadyAsync(ServiceProcess process, string service)
    {
        if (service != "gateway")
        {
            await process.WaitHealthyAsync(Soon);
            return;
        }
        using var http = new HttpClient { BaseAddress = process.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + Soon;
        var last = "no answer";
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials", ["client_id"] = GatewayClients[^1], ["client_secret"] = _gatewaySecret,
                }));
                if (response.IsSuccessStatusCode && process.Output.Contains("is ready, listening on")) return;
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.GetType().Name;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"gateway issued no token (last: {last}):\n{process.Output}");
    }

    private ServiceProcess Launch(string service, string database, string? crashAt = null)
    {
        var env = TestEnvironment.Current;
        if (service == "gateway") return LaunchGateway(database, crashAt);
        var (project, assembly) = service switch
        {
            "registry" => ("services/Registry", "Cooperation.Registry"),
            "prosecutor" => ("services/Prosecutor", "Cooperation.Prosecutor"),
            "assembly" => ("services/Assembly", "Cooperation.Assembly"),
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
            ["Assembly__States"] = "UGA",
            ["Auth__Authority"] = "http://127.0.0.1:9/", // fetched only when a token is checked: none is here
        };
        if (service.StartsWith("state-", StringComparison.Ordinal)) settings["State__Code"] = service[6..].ToUpperInvariant();
        if (crashAt is not null) settings["Testing__CrashAt"] = crashAt;
        return ServiceProcess.Start($"{service}-startup", env.ServiceDll(project, assembly), ServiceProcess.FreePort(), settings);
    }

    private ServiceProcess LaunchGateway(string database, string? crashAt)
    {
        var port = ServiceProcess.FreePort();
        var settings = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = TestEnvironment.Current.OtlpEndpoint,
            ["OTEL_SERVICE_NAME"] = "gateway-startup",
            ["Database__Provider"] = "Sqlite",
            ["Database__ConnectionString"] = database,
            ["Identity__Issuer"] = $"http://127.0.0.1:{port}/",
            ["Identity__SigningKeyPath"] = Path.Combine(_data, "signing.pem"),
        };
        for (var i = 0; i < GatewayClients.Length; i++)
        {
            settings[$"Identity__Clients__{i}__ClientId"] = GatewayClients[i];
            settings[$"Identity__Clients__{i}__Secret"] = _gatewaySecret;
            settings[$"Identity__Clients__{i}__Scopes"] = i == 2 ? "state:UGA" : "registry prosecutor";
        }
        if (crashAt is not null) settings["Testing__CrashAt"] = crashAt;
        return ServiceProcess.Start("gateway-startup", TestEnvironment.Current.ServiceDll("gateway/Gateway", "Cooperation.Gateway"), port, settings);
    }

    private string FreshDatabase(string service)
    {
        var env = TestEnvironment.Current;
        var name = $"{service.Replace('-', '_')}_{Guid.NewGuid():N}"[..30];
        if (service != "gateway" && env.PostgresServer is { } server)
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
        foreach (var user in new[] { "registry", "prosecutor", "assembly", "state-uga" })
            (await http.PutAsync($"/api/permissions/{_vhost}/{user}", Json("""{"configure":".*","write":".*","read":".*"}""")))
                .EnsureSuccessStatusCode();
        // A State node declares nothing of its own: the Court's topology gives it its queue (infra/lib/broker.sh).
        // Nor does the Assembly: its own queue and one per State are the broker topology's too.
        foreach (var queue in new[] { "state-uga", "assembly", "assembly.from-state-uga" })
            (await http.PutAsync($"/api/queues/{_vhost}/{queue}", Json("""{"durable":true,"auto_delete":false,"arguments":{}}""")))
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
