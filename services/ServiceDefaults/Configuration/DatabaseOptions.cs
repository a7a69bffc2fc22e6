using Microsoft.Extensions.Options;

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
        if (o.StartupTimeout <= TimeSpan.Zero || o.StartupTimeout > TimeSpan.FromHours(1))
            return ValidateOptionsResult.Fail($"Database:StartupTimeout must be between 00:00:01 and 01:00:00 (got {o.StartupTimeout})");
        return ValidateOptionsResult.Success;
    }
}
