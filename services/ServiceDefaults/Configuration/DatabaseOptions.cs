using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cooperation.ServiceDefaults.Configuration;

public enum DatabaseProvider
{
    /// <summary>The embedded default: one file per service, zero set-up.</summary>
    Sqlite,
    /// <summary>Compose and production.</summary>
    Postgres,
}

/// <summary>Each service owns its data; nobody reaches into another organ's database.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// How long start-up waits for an unreachable database (restarting, failing over, slow to accept) before it
    /// gives up with the reason; it tries again every few seconds meanwhile, saying so (issue 12 §1).
    /// </summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromMinutes(2);
}

public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions o)
    {
        if (!Enum.IsDefined(o.Provider))
            return ValidateOptionsResult.Fail($"Database:Provider must be Sqlite or Postgres (got {o.Provider})");
        if (string.IsNullOrWhiteSpace(o.ConnectionString))
            return ValidateOptionsResult.Fail(
                "Database:ConnectionString is missing (set Database__ConnectionString, e.g. 'Data Source=.data/db/registry.db')");
        if (MalformedConnectionString(o) is { } reason)
            return ValidateOptionsResult.Fail(
                $"Database:ConnectionString is not a valid {o.Provider} connection string ({reason}); e.g. " +
                (o.Provider == DatabaseProvider.Postgres ? "'Host=db;Database=registry;Username=registry;Password=…'" : "'Data Source=.data/db/registry.db'"));
        if (o.StartupTimeout <= TimeSpan.Zero || o.StartupTimeout > TimeSpan.FromHours(1))
            return ValidateOptionsResult.Fail($"Database:StartupTimeout must be between 00:00:01 and 01:00:00 (got {o.StartupTimeout})");
        return ValidateOptionsResult.Success;
    }

    /// <summary>
    /// The provider's own parser decides. Nothing of the string is repeated: it may hold a password (even a
    /// keyword may be a password's tail), and this line goes to the log.
    /// </summary>
    private static string? MalformedConnectionString(DatabaseOptions o)
    {
        try
        {
            if (o.Provider == DatabaseProvider.Postgres) _ = new NpgsqlConnectionStringBuilder(o.ConnectionString);
            else if (string.IsNullOrWhiteSpace(new SqliteConnectionStringBuilder(o.ConnectionString).DataSource))
                return "it names no Data Source";
            return null;
        }
        catch (ArgumentException)
        {
            return "an unknown keyword or a pair that is not keyword=value";
        }
    }
}
