using Cooperation.ServiceDefaults.Telemetry;
using Cooperation.ServiceDefaults.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cooperation.Proceedings.Deadlines;

public static class SchedulingExtensions
{
    /// <summary>
    /// Durable deadlines in the service's own database (<see cref="IDeadlineScheduler"/>) and the hosted
    /// scheduler that fires their reminders and misses through the outbox. Needs the database and messaging.
    /// </summary>
    public static IHostApplicationBuilder AddDeadlineScheduling(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<SchedulingOptions, SchedulingOptionsValidator>(SchedulingOptions.Section);
        builder.Services.AddDeadlineSchedulingCore();
        builder.Services.AddHostedService<DeadlineSchedulerService>();
        builder.Services.AddOperationalReadings<DeadlineReadings>();
        return builder;
    }

    /// <summary>The scheduler API and one firing pass, without the hosted loop (tests drive it directly).</summary>
    public static IServiceCollection AddDeadlineSchedulingCore(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddScoped<IDeadlineScheduler, DeadlineScheduler>();
        services.AddSingleton<DeadlineFiring>();
        return services;
    }
}
