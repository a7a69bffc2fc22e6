using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Cooperation.ServiceDefaults.Telemetry;

/// <summary>
/// The platform's own activity source and meter. Attributes carry opaque ids and status words
/// only: never names, facts or any other request content (confidentiality, design.md).
/// </summary>
public static class CooperationTelemetry
{
    public const string Name = "Cooperation";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);
}
