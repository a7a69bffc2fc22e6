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
        return ValidateOptionsResult.Success;
    }
}
