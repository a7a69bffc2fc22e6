using Cooperation.ServiceDefaults.Messaging;
using MassTransit;
using MassTransit.UsageTracking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cooperation.Scheduling.Tests;

/// <summary>
/// Issue 16, finding 5: MassTransit reports usage telemetry to usage-tracking.masstransit.io five
/// minutes after a bus starts, unless its tracker is disabled. Every service's bus comes from
/// AddCooperationMessaging; this checks the tracker that bus gets, as MassTransit itself decides
/// (the same flag it tests before reporting), with the environment asking for telemetry.
/// Sequential in one class: both tests touch the process environment.
/// </summary>
public sealed class UsageTelemetryTests
{
    [Fact]
    public async Task Without_our_settings_massTransit_would_report_usage()
    {
        // The control: this check does see telemetry that is on.
        Environment.SetEnvironmentVariable(MessagingExtensions.UsageTelemetryVariable, null);
        var services = new ServiceCollection();
        services.AddMassTransit(bus => bus.UsingInMemory());
        await using var provider = services.BuildServiceProvider();
        Assert.True(Tracker(provider).Enabled);
    }

    [Fact]
    public void Every_services_bus_reports_no_usage_even_when_the_environment_asks_for_it()
    {
        Environment.SetEnvironmentVariable(MessagingExtensions.UsageTelemetryVariable, "true");
        var builder = Host.CreateApplicationBuilder();
        builder.AddCooperationMessaging(_ => { }, (_, _) => { });
        using var host = builder.Build();
        Assert.False(Tracker(host.Services).Enabled);
    }

    private static UsageTracker Tracker(IServiceProvider services) =>
        Assert.IsType<UsageTracker>(services.GetRequiredService<IUsageTracker>());
}
