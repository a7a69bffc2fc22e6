using Microsoft.Extensions.Options;

namespace Cooperation.Proceedings.Webhooks;

/// <summary>How webhook subscriptions are accepted and delivered (section <c>Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// The only hosts a subscription may point at (exact host names or IP literals, case-insensitive). A webhook
    /// target is the one outbound destination of a node besides its broker, database and telemetry, so it is
    /// named here by the operator: loopback only by default (the demo and the tests), a partner's host in production.
    /// </summary>
    public string[]? AllowedHosts { get; set; }

    /// <summary>Loopback when none is configured (a configured list replaces it rather than adding to it).</summary>
    public IReadOnlyList<string> EffectiveAllowedHosts => AllowedHosts is { Length: > 0 } hosts ? hosts : ["127.0.0.1", "localhost", "[::1]"];

    /// <summary>At most this many subscriptions per node (a partner needs a few, not hundreds).</summary>
    public int MaxSubscriptions { get; set; } = 10;

    /// <summary>Attempts per event before it goes to the dead-letter list.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait after the first failed attempt; it doubles after each further one, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long one call may take before it counts as failed.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the dispatcher looks for due deliveries (a commit that queues one also wakes it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>After a rotation the old secret's signature is still sent for this long, so receivers can switch without loss.</summary>
    public TimeSpan RotationGracePeriod { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The delay before attempt <paramref name="attempt"/> + 1, after <paramref name="attempt"/> failures: capped exponential.</summary>
    public TimeSpan RetryDelayAfter(int attempt)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(FirstRetryDelay.Ticks * factor, MaxRetryDelay.Ticks));
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }
}

internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions o)
    {
        var failures = new List<string>();
        if (o.AllowedHosts?.Any(string.IsNullOrWhiteSpace) == true) failures.Add("Webhooks:AllowedHosts must not hold an empty host");
        if (o.MaxSubscriptions is < 1 or > 100) failures.Add($"Webhooks:MaxSubscriptions must be between 1 and 100 (got {o.MaxSubscriptions})");
        if (o.MaxAttempts is < 1 or > 100) failures.Add($"Webhooks:MaxAttempts must be between 1 and 100 (got {o.MaxAttempts})");
        if (o.FirstRetryDelay <= TimeSpan.Zero || o.MaxRetryDelay < o.FirstRetryDelay)
            failures.Add("Webhooks:FirstRetryDelay must be positive and at most Webhooks:MaxRetryDelay");
        if (o.CallTimeout <= TimeSpan.Zero || o.CallTimeout > TimeSpan.FromMinutes(1))
            failures.Add($"Webhooks:CallTimeout must be between 0 and 1 minute (got {o.CallTimeout})");
        if (o.PollInterval <= TimeSpan.Zero || o.PollInterval > TimeSpan.FromMinutes(5))
            failures.Add($"Webhooks:PollInterval must be between 0 and 5 minutes (got {o.PollInterval})");
        if (o.RotationGracePeriod < TimeSpan.Zero) failures.Add("Webhooks:RotationGracePeriod must not be negative");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
