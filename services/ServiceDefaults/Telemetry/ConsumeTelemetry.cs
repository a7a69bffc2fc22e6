using System.Diagnostics;
using System.Diagnostics.Metrics;
using MassTransit;

namespace Cooperation.ServiceDefaults.Telemetry;

/// <summary>
/// Every message this service consumes: its consumer spans (MassTransit's receive and consume) carry the
/// request's opaque ids (<see cref="RequestTags"/>), and the time from sending to consuming is measured as
/// consumer lag, by message type only (no ids in metric labels: cardinality and confidentiality).
/// </summary>
internal sealed class ConsumeTelemetry(IMeterFactory meters) : IConsumeObserver
{
    // The service's own meter (its container's factory), not the process-wide one: hosted nodes each measure their own.
    private readonly Histogram<double> Lag = meters.Create(CooperationTelemetry.Name).CreateHistogram<double>(
        "cooperation.consume.lag", unit: "s", description: "From the sender's SentAt to this service consuming the message");

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class
    {
        for (var activity = Activity.Current; activity is not null; activity = activity.Parent)
        {
            // The consume span and the receive span above it, not the trace's spans in other processes.
            if (activity.Source.Name != "MassTransit") break;
            RequestTags.FromMessage(activity, context.Message);
            activity.SetTag(RequestTags.Step, "receive " + RecordedPaths.StepOf(typeof(T).Name));
        }
        if (context.Message.GetType().GetProperty("SentAt")?.GetValue(context.Message) is DateTimeOffset sentAt)
            Lag.Record(Math.Max(0, (DateTimeOffset.UtcNow - sentAt).TotalSeconds), new KeyValuePair<string, object?>("message.type", typeof(T).Name));
        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
