using Microsoft.Extensions.Options;

namespace Cooperation.Court.Alerts;

/// <summary>Travel alerts at the Registry (section <c>Alerts</c>).</summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    /// <summary>
    /// How long a State has to acknowledge an alert. A service level, not a statutory period: Art 97 says "without
    /// delay" and the alert is about an imminent visit (default one day).
    /// </summary>
    public TimeSpan AcknowledgeWithin { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long before the acknowledgement is due a warning is raised (default 6 hours).</summary>
    public TimeSpan WarnBeforeDue { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// Also notify the Assembly's side (NonCooperationNotified, reason AlertOverdue) when a State's acknowledgement is
    /// overdue. Copying the Assembly's President is a configurable choice (domain.md; not confirmed as practice).
    /// </summary>
    public bool NotifyAssemblyWhenOverdue { get; set; }
}

internal sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertOptions o)
    {
        var failures = new List<string>();
        if (o.AcknowledgeWithin <= TimeSpan.Zero || o.AcknowledgeWithin > TimeSpan.FromDays(30))
            failures.Add($"Alerts:AcknowledgeWithin must be between 0 and 30 days (got {o.AcknowledgeWithin})");
        if (o.WarnBeforeDue <= TimeSpan.Zero || o.WarnBeforeDue >= o.AcknowledgeWithin)
            failures.Add($"Alerts:WarnBeforeDue must be positive and shorter than Alerts:AcknowledgeWithin (got {o.WarnBeforeDue})");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
