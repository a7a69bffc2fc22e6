using Cooperation.ServiceDefaults.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace Cooperation.ServiceDefaults.Operations;

/// <summary>How many messages wait in each of this service's error queues (a message there needs an operator).</summary>
internal sealed class ErrorQueueReadings : IOperationalReadings
{
    public const string Depth = "cooperation.error_queue.depth";

    public IReadOnlyList<GaugeSpec> Gauges { get; } = [new(Depth, "{message}", "Messages in the service's error queue, per queue")];

    public async Task ReadAsync(IServiceProvider services, ICollection<Reading> into, CancellationToken ct)
    {
        var page = await services.GetRequiredService<ErrorQueueBrowser>().ListAsync(limit: 0, ct);
        foreach (var queue in page.Queues) into.Add(new Reading(Depth, queue.MessageCount, new KeyValuePair<string, object?>("queue", queue.Queue)));
    }
}
