using System.Diagnostics.Metrics;
using Cooperation.Consultations;
using Cooperation.Organs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cooperation.Proceedings.Consultations;

/// <summary>"Without delay" (Art 97) as configured service levels (section <c>Consultations:ServiceLevel</c>).</summary>
public sealed class ConsultationServiceLevelOptions
{
    public const string Section = "Consultations:ServiceLevel";

    /// <summary>From delivery (or the problem recorded) to the opening of the consultation.</summary>
    public TimeSpan MaxToOpen { get; set; } = TimeSpan.FromDays(3);

    /// <summary>From the opening to the issuing organ's first answer.</summary>
    public TimeSpan MaxToFirstCourtAnswer { get; set; } = TimeSpan.FromDays(2);
}

internal sealed class ConsultationServiceLevelOptionsValidator : IValidateOptions<ConsultationServiceLevelOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsultationServiceLevelOptions o)
    {
        var failures = new List<string>();
        if (o.MaxToOpen <= TimeSpan.Zero || o.MaxToOpen > TimeSpan.FromDays(365))
            failures.Add($"Consultations:ServiceLevel:MaxToOpen must be positive and at most 365 days (got {o.MaxToOpen})");
        if (o.MaxToFirstCourtAnswer <= TimeSpan.Zero || o.MaxToFirstCourtAnswer > TimeSpan.FromDays(365))
            failures.Add($"Consultations:ServiceLevel:MaxToFirstCourtAnswer must be positive and at most 365 days (got {o.MaxToFirstCourtAnswer})");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>
/// Measures consultations against the service levels, records each breach once on the consultation, and
/// raises it: a warning log (ids only) and the counter <c>cooperation.consultation.service_level_breaches</c>
/// tagged by State code, issuing organ and measure — never names or content.
/// </summary>
public sealed class ConsultationServiceLevels(
    IOptions<ConsultationServiceLevelOptions> options, IMeterFactory meters, TimeProvider clock, ILogger<ConsultationServiceLevels> logger)
{
    public const string MeterName = "Cooperation.Consultations";

    private readonly Counter<long> _breaches = meters.Create(MeterName).CreateCounter<long>(
        "cooperation.consultation.service_level_breaches", description: "Art 97 consultation service levels exceeded");

    public ConsultationServiceLevel Level => new(options.Value.MaxToOpen, options.Value.MaxToFirstCourtAnswer);

    /// <summary>Breaches as of now, ongoing ones included (for views).</summary>
    public IReadOnlyList<ServiceLevelBreach> Check(ConsultationRecord c) =>
        Level.Check(c.MeasuredFrom ?? c.OpenedAt, c.OpenedAt, AnswerAt(c), ClosedOr(c));

    /// <summary>Records and raises any breach not yet recorded; call after opening, answering or closing.</summary>
    public void Record(ConsultationRecord c)
    {
        foreach (var breach in Check(c))
        {
            var first = breach.Measure switch
            {
                ServiceLevelMeasure.TimeToOpen when !c.TimeToOpenBreached => c.TimeToOpenBreached = true,
                // An ongoing answer breach is shown live; it is recorded once the step is over or the consultation ends.
                ServiceLevelMeasure.TimeToFirstCourtAnswer when !c.TimeToAnswerBreached && (!breach.Ongoing || c.ClosedAt is not null) =>
                    c.TimeToAnswerBreached = true,
                _ => false,
            };
            if (!first) continue;
            _breaches.Add(1,
                new KeyValuePair<string, object?>("state", c.StateCode),
                new KeyValuePair<string, object?>("organ", c.IssuingOrgan.ToString()),
                new KeyValuePair<string, object?>("measure", breach.Measure.ToString()));
            logger.LogWarning(
                "Consultation {ConsultationId} on request {RequestId} ({StateCode}, {Organ}) exceeded the {Measure} service level: {Elapsed} against {Allowed}",
                c.Id, c.RequestId, c.StateCode, c.IssuingOrgan, breach.Measure, breach.Elapsed, breach.Allowed);
        }
    }

    // Only a consultation the State opened awaits the Court's first answer (ConsultationThread).
    private static DateTimeOffset? AnswerAt(ConsultationRecord c) =>
        c.OpenedBy == Organ.State ? c.FirstCourtAnswerAt ?? c.ClosedAt : c.OpenedAt;

    private DateTimeOffset ClosedOr(ConsultationRecord c) => c.ClosedAt ?? clock.GetUtcNow();
}
