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
        var counts = page.Queues.ToDictionary(q => q.Queue, q => q.MessageCount);
        // Every input queue's error queue, 0 while the broker has none yet: an alert rule needs the series to exist.
        foreach (var input in services.GetRequiredService<ReceiveQueues>().Names)
        {
            var queue = input + "_error";
            into.Add(new Reading(Depth, counts.GetValueOrDefault(queue), new KeyValuePair<string, object?>("queue", queue)));
        }
    }
}
