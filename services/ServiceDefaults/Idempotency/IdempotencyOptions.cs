using Microsoft.Extensions.Options;

namespace Cooperation.ServiceDefaults.Idempotency;

/// <summary>How long a POST's first answer is kept for retries with the same Idempotency-Key.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>After this a key may be used again as new (default 24 h). Partners retry within minutes.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);
}

internal sealed class IdempotencyOptionsValidator : IValidateOptions<IdempotencyOptions>
{
    public ValidateOptionsResult Validate(string? name, IdempotencyOptions o) =>
        o.Retention > TimeSpan.Zero && o.Retention <= TimeSpan.FromDays(30)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Idempotency:Retention must be between 00:00:01 and 30.00:00:00 (got {o.Retention})");
}
