using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cooperation.ServiceDefaults.Telemetry;

/// <summary>One value of a gauge, with its labels. Labels are codes and words (a destination, a State, a status), never an id or a name.</summary>
public sealed record Reading(string Instrument, double Value, params KeyValuePair<string, object?>[] Tags);

/// <summary>A gauge the instrument declares.</summary>
public sealed record GaugeSpec(string Name, string Unit, string Description);

/// <summary>
/// What a feature measures of its own backlog (issue 17): read from the service's database or broker on a
/// timer, never on the exporter's thread (a gauge's callback must not wait on a query).
/// </summary>
public interface IOperationalReadings
{
    IReadOnlyList<GaugeSpec> Gauges { get; }
    Task ReadAsync(IServiceProvider services, ICollection<Reading> into, CancellationToken ct);
}

public static class OperationalMetricsExtensions
{
    public static IServiceCollection AddOperationalReadings<T>(this IServiceCollection services) where T : class, IOperationalReadings
    {
        services.AddSingleton<IOperationalReadings, T>();
        services.TryAddSingleton<OperationalMetrics>();
        services.AddHostedService(sp => sp.GetRequiredService<OperationalMetrics>());
        return services;
    }
}

/// <summary>
/// Reads every registered <see cref="IOperationalReadings"/> every <c>Telemetry:ReadingsInterval</c> (default 15 s)
/// and serves the latest values as observable gauges on the platform's meter.
/// </summary>
public sealed class OperationalMetrics : BackgroundService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IReadOnlyList<IOperationalReadings> _sources;
    private readonly ILogger<OperationalMetrics> _logger;
    private readonly TimeSpan _interval;
    private readonly ConcurrentDictionary<string, IReadOnlyList<Reading>> _latest = new();
    private int _started;

    public OperationalMetrics(IServiceScopeFactory scopes, IEnumerable<IOperationalReadings> sources, ILogger<OperationalMetrics> logger,
        Microsoft.Extensions.Configuration.IConfiguration configuration, IMeterFactory meters)
    {
        _scopes = scopes;
        _sources = sources.ToList();
        _logger = logger;
        _interval = TimeSpan.TryParse(configuration["Telemetry:ReadingsInterval"], System.Globalization.CultureInfo.InvariantCulture, out var i)
                    && i >= TimeSpan.FromMilliseconds(100) ? i : TimeSpan.FromSeconds(15);
        // The service's own meter (its container's factory): in a process hosting several State nodes, each node's
        // gauges are told apart from the others' (TelemetryExtensions.HostedNodeMetrics).
        var meter = meters.Create(CooperationTelemetry.Name);
        foreach (var gauge in _sources.SelectMany(s => s.Gauges).DistinctBy(g => g.Name))
        {
            var name = gauge.Name;
            meter.CreateObservableGauge(name, () => Observe(name), gauge.Unit, gauge.Description);
        }
    }

    private IEnumerable<Measurement<double>> Observe(string name) =>
        _latest.TryGetValue(name, out var readings) ? readings.Select(r => new Measurement<double>(r.Value, r.Tags)) : [];

    /// <summary>The latest readings (also for /health and tests in-process).</summary>
    public IReadOnlyList<Reading> Latest(string name) => _latest.TryGetValue(name, out var r) ? r : [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Several features register the same hosted instance; run its loop once.
        if (Interlocked.Exchange(ref _started, 1) == 1) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            await ReadOnceAsync(stoppingToken);
            try { await Task.Delay(_interval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    public async Task ReadOnceAsync(CancellationToken ct)
    {
        foreach (var source in _sources)
        {
            var readings = new List<Reading>();
            try
            {
                await using var scope = _scopes.CreateAsyncScope();
                await source.ReadAsync(scope.ServiceProvider, readings, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                // The type only: a message could quote a connection string. The previous values stay.
                _logger.LogWarning("Reading {Source} for metrics failed with {ExceptionType}", source.GetType().Name, e.GetType().Name);
                continue;
            }
            foreach (var gauge in source.Gauges)
                _latest[gauge.Name] = readings.Where(r => r.Instrument == gauge.Name).ToList();
        }
    }
}
