using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cooperation.ServiceDefaults.Hosting;

public static class ServiceRunner
{
    /// <summary>
    /// Builds the service, checks every options class, maps its endpoints, migrates its database,
    /// then serves. A missing or bad setting stops start-up with one line saying which and why
    /// (exit code 2), not a stack trace.
    /// </summary>
    public static async Task<int> RunServiceAsync<TContext>(
        this WebApplicationBuilder builder,
        Action<WebApplication> mapEndpoints,
        Func<IServiceProvider, Task>? afterMigration = null)
        where TContext : CooperationDbContext
    {
        var name = builder.Environment.ApplicationName;
        try
        {
            var app = builder.Build();
            // Before anything resolves the bus or the database (mapping health checks already does).
            app.Services.GetService<IStartupValidator>()?.Validate();
            mapEndpoints(app);
            app.RequireIdempotentPosts();
            await app.Services.MigrateDatabaseAsync<TContext>();
            if (afterMigration is not null) await afterMigration(app.Services);
            await app.RunAsync();
            return 0;
        }
        catch (Exception e) when (DescribeConfigurationFailure(e) is { } failure)
        {
            await Console.Error.WriteLineAsync($"{name}: configuration error: {failure}");
            return 2;
        }
    }

    /// <summary>The one-line reason when <paramref name="e"/> is a bad or missing setting; null for anything else.</summary>
    public static string? DescribeConfigurationFailure(Exception e) => e switch
    {
        OptionsValidationException o => string.Join("; ", o.Failures),
        AggregateException a when a.InnerExceptions.All(i => DescribeConfigurationFailure(i) is not null) =>
            string.Join("; ", a.InnerExceptions.Select(DescribeConfigurationFailure)),
        InvalidOperationException i when i.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) =>
            i.Message,
        _ => null,
    };
}
