using Microsoft.Extensions.Options;

namespace Cooperation.Court.Requests.Evidence.Signals;

/// <summary>
/// How long Delivered and Acknowledged may take before a warning, then an overdue signal
/// (design.md, "Evidence, not just delivery"). "Without delay" is a configurable service level.
/// </summary>
public sealed class EvidenceOptions
{
    public const string Section = "Evidence";

    public TimeSpan DeliveryWarning { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan DeliveryOverdue { get; set; } = TimeSpan.FromMinutes(30);
    public TimeSpan AcknowledgementWarning { get; set; } = TimeSpan.FromDays(1);
    public TimeSpan AcknowledgementOverdue { get; set; } = TimeSpan.FromDays(3);
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(30);
}

internal sealed class EvidenceOptionsValidator : IValidateOptions<EvidenceOptions>
{
    public ValidateOptionsResult Validate(string? name, EvidenceOptions o)
    {
        var failures = new List<string>();
        if (o.DeliveryWarning <= TimeSpan.Zero || o.DeliveryOverdue <= o.DeliveryWarning)
            failures.Add("Evidence:DeliveryWarning must be positive and shorter than Evidence:DeliveryOverdue");
        if (o.AcknowledgementWarning <= TimeSpan.Zero || o.AcknowledgementOverdue <= o.AcknowledgementWarning)
            failures.Add("Evidence:AcknowledgementWarning must be positive and shorter than Evidence:AcknowledgementOverdue");
        if (o.CheckInterval <= TimeSpan.Zero) failures.Add("Evidence:CheckInterval must be positive");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
