using System.Diagnostics.Metrics;
using Cooperation.ServiceDefaults.Telemetry;

namespace Cooperation.Court.Alerts;

/// <summary>
/// Counters for operators. No labels at all: a State code, an alert or request id, or a classification next to a
/// sealed alert would tell a reader of the metrics who is sought where (Art 87(3)).
/// </summary>
internal static class AlertMetrics
{
    public static readonly Counter<long> StatesAlerted =
        CooperationTelemetry.Meter.CreateCounter<long>("cooperation.alert.states_alerted", description: "Travel alert messages committed, one per State");
    public static readonly Counter<long> Warnings =
        CooperationTelemetry.Meter.CreateCounter<long>("cooperation.alert.acknowledgement.warnings", description: "Travel alert acknowledgements due soon");
    public static readonly Counter<long> Overdue =
        CooperationTelemetry.Meter.CreateCounter<long>("cooperation.alert.acknowledgement.overdue", description: "Travel alert acknowledgements overdue");
    public static readonly Counter<long> AssemblyNotifications =
        CooperationTelemetry.Meter.CreateCounter<long>("cooperation.alert.assembly_notifications", description: "Travel alert entries notified to the Assembly");
}
