using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;
using Cooperation.ServiceDefaults.Testing;

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
        // The same container checks in every environment, so a lifetime mistake fails in tests too.
        builder.Host.UseDefaultServiceProvider(o =>
        {
            o.ValidateScopes = true;
            o.ValidateOnBuild = true;
        });
        try
        {
            var app = builder.Build();
            // Before anything resolves the bus or the database (mapping health checks already does).
            app.Services.GetService<IStartupValidator>()?.Validate();
            mapEndpoints(app);
            app.RequireIdempotentPosts();
            var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(StartupLog.Category);
            await app.Services.MigrateDatabaseAsync<TContext>();
            if (afterMigration is not null)
            {
                log.LogInformation("Start-up: seeding");
                await afterMigration(app.Services);
            }
            app.Services.GetRequiredService<CrashPoints>().Reached(CrashPoints.StartupBeforeBus);
            log.LogInformation("Start-up: connecting to the broker and opening the HTTP listener");
            app.Lifetime.ApplicationStarted.Register(() =>
                log.LogInformation("Start-up: {Service} is ready, listening on {Addresses}", name, string.Join(", ", app.Urls)));
            // A hosted State node (issue 11): its host starts the next node once this one serves.
            if (HostedNode.StartedSignal is { } started) app.Lifetime.ApplicationStarted.Register(started);
            await app.RunAsync();
            return 0;
        }
        catch (DatabaseInUseException e)
        {
            await Console.Error.WriteLineAsync($"{name}: start-up error: {e.Message}");
            return 3;
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
