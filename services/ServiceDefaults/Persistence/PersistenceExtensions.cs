using Cooperation.ServiceDefaults.Configuration;
using Cooperation.ServiceDefaults.Messaging;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cooperation.ServiceDefaults.Persistence;

public static class PersistenceExtensions
{
    /// <summary>The service's own database: SQLite by default, PostgreSQL when configured.</summary>
    public static IHostApplicationBuilder AddCooperationDatabase<TContext>(this IHostApplicationBuilder builder)
        where TContext : CooperationDbContext
    {
        builder.AddValidatedOptions<DatabaseOptions, DatabaseOptionsValidator>(DatabaseOptions.Section);
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxSaveInterceptor>();
        builder.Services.AddDbContext<TContext>((sp, options) =>
        {
            var db = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            switch (db.Provider)
            {
                case DatabaseProvider.Postgres:
                    options.UseNpgsql(db.ConnectionString);
                    break;
                default:
                    options.UseSqlite(db.ConnectionString);
                    break;
            }
            options.AddInterceptors(sp.GetRequiredService<OutboxSaveInterceptor>());
        });
        builder.Services.AddScoped<CooperationDbContext>(sp => sp.GetRequiredService<TContext>());
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
