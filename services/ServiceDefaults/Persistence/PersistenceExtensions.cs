using Cooperation.ServiceDefaults.Audit;
using Cooperation.ServiceDefaults.Configuration;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;
using System.Diagnostics;

namespace Cooperation.ServiceDefaults.Persistence;

public static class PersistenceExtensions
{
    /// <summary>
    /// The service's own database: SQLite by default, PostgreSQL when configured. Each provider has
    /// its own context type so each keeps its own migrations; the service codes against
    /// <typeparamref name="TContext"/> and never sees which one runs.
    /// </summary>
    public static IHostApplicationBuilder AddCooperationDatabase<TContext, TSqlite, TPostgres>(this IHostApplicationBuilder builder)
        where TContext : CooperationDbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        builder.AddValidatedOptions<DatabaseOptions, DatabaseOptionsValidator>(DatabaseOptions.Section);
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxSaveInterceptor>();
        builder.Services.AddCooperationAudit();
        builder.Services.AddStartupRecovery();
        builder.AddCooperationIdempotency();
        builder.Services.AddDbContext<TSqlite>((sp, options) => options
            .UseSqlite(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString)
            .AddInterceptors(sp.GetRequiredService<OutboxSaveInterceptor>(), sp.GetRequiredService<AuditSaveInterceptor>(),
                sp.GetRequiredService<MigrationCrashInterceptor>()));
        builder.Services.AddDbContext<TPostgres>((sp, options) => options
            .UseNpgsql(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString)
            .AddInterceptors(sp.GetRequiredService<OutboxSaveInterceptor>(), sp.GetRequiredService<AuditSaveInterceptor>(),
                sp.GetRequiredService<MigrationCrashInterceptor>()));
        builder.Services.AddScoped<TContext>(sp =>
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres
                ? sp.GetRequiredService<TPostgres>()
                : sp.GetRequiredService<TSqlite>());
        // Shared code asks for a base context (this one, or a domain project's); each resolves to the service's own.
        for (var type = typeof(TContext).BaseType; type is not null && type != typeof(DbContext); type = type.BaseType)
            builder.Services.AddScoped(type, sp => sp.GetRequiredService<TContext>());
        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// Applies pending migrations before the service takes traffic or messages. Safe after any crash:
    /// each migration runs in a transaction, and on SQLite a lock left by a killed process is removed
    /// (<see cref="SqliteProcessLock"/>); on PostgreSQL EF's lock is an advisory lock that dies with its session.
    /// </summary>
    public static async Task MigrateDatabaseAsync<TContext>(this IServiceProvider services, CancellationToken ct = default)
        where TContext : CooperationDbContext
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        await using var scope = services.CreateAsyncScope();
        await services.MigrateAsync(scope.ServiceProvider.GetRequiredService<TContext>(), options, ct);
    }

    /// <summary>
    /// The start-up steps of any database of ours (a service's, the gateway's identity store), logged one by one:
    /// on SQLite the process lock and the removal of a stale migration lock, then the migration itself, with
    /// the start-up crash points around it. Needs <see cref="AddStartupRecovery"/>.
    /// </summary>
    public static async Task MigrateAsync(this IServiceProvider services, DbContext db, DatabaseOptions options, CancellationToken ct = default)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(StartupLog.Category);
        var crash = services.GetRequiredService<CrashPoints>();
        var started = Stopwatch.GetTimestamp();
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            PrivateSqliteFile.Prepare(options.ConnectionString); // its directory, owner-only
            var held = services.GetRequiredService<DatabaseProcessLock>().AcquireSqlite(options.ConnectionString);
            logger.LogInformation("Start-up: holding {LockFile}: no other process uses this database", held.Path);
            if (await SqliteProcessLock.RemoveStaleMigrationLockAsync(db, ct) > 0)
                logger.LogWarning("Start-up: removed a stale migration lock left by a process that stopped during start-up");
        }

        // A database that is away (restarting, failing over, too slow to accept a connection under load) is waited for,
        // saying so, not a crash: each migration runs in its own transaction, so trying again is safe.
        var waitUntil = Stopwatch.GetTimestamp() + (long)(options.StartupTimeout.TotalSeconds * Stopwatch.Frequency);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await MigrateOnceAsync(db, options, logger, crash, ct);
                break;
            }
            catch (Exception e) when (Messaging.MessagingExtensions.IsTransientInfrastructureFailure(e) && Stopwatch.GetTimestamp() < waitUntil)
            {
                var pause = TimeSpan.FromSeconds(Math.Min(5, attempt));
                logger.LogWarning("Start-up: the database ({Database}) is not reachable yet ({ExceptionType}); trying again in {Pause} s (attempt {Attempt})",
                    DescribeDatabase(options), e.GetType().Name, pause.TotalSeconds, attempt);
                db.ChangeTracker.Clear();
                await Task.Delay(pause, ct);
            }
        }
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct); // readers do not block the writer
        logger.LogInformation("Start-up: database ready in {Elapsed:F0} ms", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        crash.Reached(CrashPoints.StartupAfterMigrate);
    }

    private static async Task MigrateOnceAsync(DbContext db, DatabaseOptions options, ILogger logger, CrashPoints crash, CancellationToken ct)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
        logger.LogInformation("Start-up: migrating the database ({Provider}, {Database}): {Pending} pending migration(s)",
            options.Provider, DescribeDatabase(options), pending);
        crash.Reached(CrashPoints.StartupBeforeMigrate);
        try
        {
            await db.Database.MigrateAsync(ct);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.DuplicateDatabase)
        {
            // Several instances starting at once on a new database (issue 12 §4): another one created it between EF's
            // existence check and its CREATE DATABASE. It exists now; EF's migration lock orders the rest.
            logger.LogInformation("Start-up: another instance created the database first; migrating it");
            await db.Database.MigrateAsync(ct);
        }
    }

    /// <summary>
    /// What <see cref="MigrateAsync"/> needs: the start-up crash points (inert unless <c>Testing:CrashAt</c> is set),
    /// the migration crash interceptor (add it to the context with <see cref="AddStartupCrashInterceptor"/>) and the
    /// process's hold on its SQLite file. AddCooperationDatabase calls it; the gateway calls it for its own store.
    /// </summary>
    public static IServiceCollection AddStartupRecovery(this IServiceCollection services)
    {
        services.TryAddSingleton<CrashPoints>();
        services.TryAddSingleton<MigrationCrashInterceptor>();
        services.TryAddSingleton<DatabaseProcessLock>();
        return services;
    }

    public static DbContextOptionsBuilder AddStartupCrashInterceptor(this DbContextOptionsBuilder options, IServiceProvider services) =>
        options.AddInterceptors(services.GetRequiredService<MigrationCrashInterceptor>());

    /// <summary>Which database, never its credentials: the SQLite file, or the PostgreSQL host and database.</summary>
    private static string DescribeDatabase(DatabaseOptions options)
    {
        try
        {
            if (options.Provider == DatabaseProvider.Sqlite)
                return Path.GetFileName(new SqliteConnectionStringBuilder(options.ConnectionString).DataSource);
            var pg = new Npgsql.NpgsqlConnectionStringBuilder(options.ConnectionString);
            return $"{pg.Host}:{pg.Port}/{pg.Database}";
        }
        catch (ArgumentException)
        {
            return "(unreadable connection string)";
        }
    }
}
