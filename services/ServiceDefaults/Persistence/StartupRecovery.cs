using Cooperation.ServiceDefaults.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using System.Data.Common;

namespace Cooperation.ServiceDefaults.Persistence;

/// <summary>Start-up cannot go on: the database is held by another live process.</summary>
public sealed class DatabaseInUseException(string message) : Exception(message);

/// <summary>
/// A SQLite database is used by one process at a time (the embedded default: one service, one file).
/// The process holds an exclusive OS lock on <c>&lt;file&gt;.lock</c> for its whole life; the kernel drops
/// it when the process dies, however it dies. Holding it therefore proves that no live process is in the
/// middle of a migration, so a row left in EF Core's <c>__EFMigrationsLock</c> by a process killed during
/// start-up is stale and can be removed (issue 12: a service killed while migrating never started again).
/// </summary>
public sealed class SqliteProcessLock : IDisposable
{
    private readonly FileStream _lock;

    private SqliteProcessLock(FileStream held) => _lock = held;

    public string Path => _lock.Name;

    public static SqliteProcessLock Acquire(string connectionString)
    {
        var file = System.IO.Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        var lockFile = file + ".lock";
        try
        {
            // FileShare.None takes an advisory exclusive lock (flock) on Unix; a second holder fails at once.
            return new SqliteProcessLock(new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            throw new DatabaseInUseException(
                $"the database {file} is in use by another running process (it holds {lockFile}); stop it first, or give this process its own Database__ConnectionString");
        }
    }

    /// <summary>Removes a migration lock row left behind by a killed process; returns how many rows it removed.</summary>
    public static async Task<int> RemoveStaleMigrationLockAsync(DbContext db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var exists = connection.CreateCommand();
            exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'";
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(ct)) == 0) return 0;
            await using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM \"__EFMigrationsLock\"";
            return await delete.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public void Dispose() => _lock.Dispose();
}

/// <summary>
/// FOR TESTS ONLY (<see cref="CrashPoints.StartupDuringMigrate"/>): dies on the first schema change of a
/// migration, when the migration lock is held and the migration is half done. A no-op unless armed.
/// </summary>
public sealed class MigrationCrashInterceptor(CrashPoints crash) : DbCommandInterceptor
{
    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        CrashIfSchemaChange(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        CrashIfSchemaChange(command);
        return ValueTask.FromResult(result);
    }

    private void CrashIfSchemaChange(DbCommand command)
    {
        if (!crash.IsArmed(CrashPoints.StartupDuringMigrate)) return;
        var sql = command.CommandText;
        // The history and lock tables are EF's own bookkeeping; the first table of the model is the migration itself.
        if (sql.Contains("CREATE TABLE", StringComparison.OrdinalIgnoreCase) && !sql.Contains("__EFMigrations", StringComparison.Ordinal))
            crash.Reached(CrashPoints.StartupDuringMigrate);
    }
}

/// <summary>The process's hold on its SQLite database, released when the container is disposed (or the process dies).</summary>
public sealed class DatabaseProcessLock : IDisposable
{
    private SqliteProcessLock? _held;

    public SqliteProcessLock AcquireSqlite(string connectionString) => _held ??= SqliteProcessLock.Acquire(connectionString);

    public void Dispose() => _held?.Dispose();
}

/// <summary>The log category of the start-up steps (migrating, seeding, starting the bus), so an operator sees where it stands.</summary>
public static class StartupLog
{
    public const string Category = "Cooperation.Startup";
}
