using Cooperation.ServiceDefaults.Audit;
using Cooperation.ServiceDefaults.Configuration;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

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
        builder.Services.AddSingleton<CrashPoints>();
        builder.AddCooperationIdempotency();
        builder.Services.AddDbContext<TSqlite>((sp, options) => options
            .UseSqlite(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString)
            .AddInterceptors(sp.GetRequiredService<OutboxSaveInterceptor>(), sp.GetRequiredService<AuditSaveInterceptor>()));
        builder.Services.AddDbContext<TPostgres>((sp, options) => options
            .UseNpgsql(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString)
            .AddInterceptors(sp.GetRequiredService<OutboxSaveInterceptor>(), sp.GetRequiredService<AuditSaveInterceptor>()));
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

    /// <summary>Applies pending migrations before the service takes traffic or messages.</summary>
    public static async Task MigrateDatabaseAsync<TContext>(this IServiceProvider services, CancellationToken ct = default)
        where TContext : CooperationDbContext
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.Provider == DatabaseProvider.Sqlite) EnsureSqliteDirectory(options.ConnectionString);

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct); // readers do not block the writer
    }

    private static void EnsureSqliteDirectory(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
    }
}
