using Cooperation.ServiceDefaults.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cooperation.ServiceDefaults.Hosting;

public static class ServiceRunner
{
    /// <summary>
    /// Migrates the database, then serves. A missing or bad setting stops start-up with one line
    /// saying which and why (exit code 2), not a stack trace.
    /// </summary>
    public static async Task<int> RunServiceAsync<TContext>(this WebApplication app, Func<IServiceProvider, Task>? afterMigration = null)
        where TContext : CooperationDbContext
    {
        var name = app.Environment.ApplicationName;
        try
        {
            // Every options class is checked before anything touches the database or the broker.
            app.Services.GetService<IStartupValidator>()?.Validate();
            await app.Services.MigrateDatabaseAsync<TContext>();
            if (afterMigration is not null) await afterMigration(app.Services);
            await app.RunAsync();
            return 0;
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync($"{name}: configuration error: {string.Join("; ", e.Failures)}");
            return 2;
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is OptionsValidationException))
        {
            var failures = e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures);
            await Console.Error.WriteLineAsync($"{name}: configuration error: {string.Join("; ", failures)}");
            return 2;
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync($"{name}: configuration error: {e.Message}");
            return 2;
        }
    }
}
