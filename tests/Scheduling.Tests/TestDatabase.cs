using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Persistence;
using Cooperation.Proceedings.Persistence;
using Cooperation.Proceedings.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Cooperation.Scheduling.Tests;

/// <summary>The smallest service database: just the base tables (outbox, inbox, deadlines).</summary>
public abstract class TestDbContext(DbContextOptions options) : ProceedingsDbContext(options);

public sealed class SqliteTestDbContext(DbContextOptions<SqliteTestDbContext> options) : TestDbContext(options);

public sealed class PostgresTestDbContext(DbContextOptions<PostgresTestDbContext> options) : TestDbContext(options);

public enum Provider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// One real database per test: a SQLite file, or a fresh database on the PostgreSQL test cluster
/// (<c>COOP_TEST_POSTGRES</c>). Each <see cref="StartInstance"/> is a separate service instance (its own
/// container, contexts and scheduler) on that same database, as after a restart or beside a second replica.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public Provider Provider { get; }
    public string ConnectionString { get; }
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly List<ServiceProvider> _instances = [];
    private readonly string? _file;

    private TestDatabase(Provider provider, string connectionString, string? file)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _file = file;
    }

    public static async Task<TestDatabase> CreateAsync(Provider provider)
    {
        TestDatabase db;
        if (provider == Provider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"coop-sched-{Guid.NewGuid():N}.db");
            db = new TestDatabase(provider, $"Data Source={file}", file);
        }
        else
        {
            var server = Environment.GetEnvironmentVariable("COOP_TEST_POSTGRES") is { Length: > 0 } s
                ? s
                : throw new InvalidOperationException(
                    "COOP_TEST_POSTGRES is not set: run infra/test, which starts the PostgreSQL test cluster " +
                    "(e.g. COOP_TEST_POSTGRES=\"Host=127.0.0.1;Port=35434;Username=postgres\").");
            db = new TestDatabase(provider, $"{server};Database=coop_sched_{Guid.NewGuid():N}", null);
        }
        await using var scope = db.StartInstance().CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CooperationDbContext>().Database.EnsureCreatedAsync();
        return db;
    }

    /// <summary>A new service instance on this database, sharing only the (fake) clock.</summary>
    public ServiceProvider StartInstance(Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(Clock);
        if (Provider == Provider.Sqlite)
        {
            services.AddDbContext<SqliteTestDbContext>(o => o.UseSqlite(ConnectionString));
            services.AddScoped<CooperationDbContext>(sp => sp.GetRequiredService<SqliteTestDbContext>());
            services.AddScoped<ProceedingsDbContext>(sp => sp.GetRequiredService<SqliteTestDbContext>());
        }
        else
        {
            services.AddDbContext<PostgresTestDbContext>(o => o.UseNpgsql(ConnectionString));
            services.AddScoped<CooperationDbContext>(sp => sp.GetRequiredService<PostgresTestDbContext>());
            services.AddScoped<ProceedingsDbContext>(sp => sp.GetRequiredService<PostgresTestDbContext>());
        }
        services.AddScoped<IOutbox, Outbox>();
        services.AddOptions<SchedulingOptions>();
        services.AddDeadlineSchedulingCore();
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        _instances.Add(provider);
        return provider;
    }

    /// <summary>Every message the schedulers wrote to the outbox, oldest first (one step's messages by destination).</summary>
    public async Task<IReadOnlyList<OutboxMessage>> OutboxAsync()
    {
        await using var provider = StartInstance();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProceedingsDbContext>();
        return (await db.OutboxMessages.AsNoTracking().ToListAsync()).OrderBy(m => m.CreatedAt).ThenBy(m => m.Destination, StringComparer.Ordinal).ToList();
    }

    public async Task<ScheduledDeadline> DeadlineAsync(Guid id)
    {
        await using var provider = StartInstance();
        await using var scope = provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProceedingsDbContext>().Deadlines.AsNoTracking().SingleAsync(d => d.Id == id);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances) await instance.DisposeAsync();
        if (_file is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" })
                try { File.Delete(f); } catch (IOException) { }
        }
        else
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var provider = StartInstance();
            await using var scope = provider.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CooperationDbContext>().Database.EnsureDeletedAsync();
        }
    }
}
