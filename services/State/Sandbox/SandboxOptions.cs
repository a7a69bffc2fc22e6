using Cooperation.Consultations;
using Cooperation.Requests;
using Microsoft.Extensions.Options;

namespace Cooperation.State.Sandbox;

/// <summary>What a sandbox State answers, by itself, to every request it receives (issue 14).</summary>
public enum SandboxAnswer
{
    /// <summary>Acknowledge only.</summary>
    AcknowledgeOnly,
    /// <summary>Acknowledge, start execution, report it executed.</summary>
    Execute,
    /// <summary>Acknowledge, then consult the Court on <see cref="SandboxOptions.ConsultationGround"/> (Art 97).</summary>
    Consult,
    /// <summary>Acknowledge, then deny on <see cref="SandboxOptions.DenialGround"/> with <see cref="SandboxOptions.DenialReasons"/> (Art 93(6)).</summary>
    Deny,
}

/// <summary>
/// A demo State node that answers by itself, so a Registry or OTP desk tool can be developed end to end without
/// a person at the other side (like e-EDES's simulator). It answers through the gateway with its own State's
/// client credentials, exactly as a national case-management system would: the same rules, limits and
/// messages. Never in a production profile (<see cref="SandboxOptionsValidator"/>).
/// </summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    public bool Enabled { get; set; }
    /// <summary>The State's partner client (e.g. state-xsb-cms) and its secret, for tokens from the gateway (Auth:Authority).</summary>
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";
    /// <summary>How long after delivery the sandbox acknowledges.</summary>
    public TimeSpan AcknowledgeAfter { get; set; } = TimeSpan.FromSeconds(5);
    public SandboxAnswer Answer { get; set; } = SandboxAnswer.Execute;
    public ConsultationGround ConsultationGround { get; set; } = ConsultationGround.InsufficientInformation;
    public string ConsultationDescription { get; set; } = "Sandbox State: an automatic consultation, as configured (no real central authority).";
    public DenialGround DenialGround { get; set; } = DenialGround.NationalSecurity;
    public string DenialReasons { get; set; } = "Sandbox State: an automatic denial, as configured (no real central authority).";
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Who acknowledged, as the Registry sees it: it says plainly that no person did.</summary>
    public const string AcknowledgedBy = "SANDBOX State (automatic answer, no real central authority)";
}

internal sealed class SandboxOptionsValidator(IHostEnvironment environment) : IValidateOptions<SandboxOptions>
{
    public ValidateOptionsResult Validate(string? name, SandboxOptions o)
    {
        if (!o.Enabled) return ValidateOptionsResult.Success;
        var failures = new List<string>();
        // A node that answers for a State without a person must never pass for a real one.
        if (environment.IsProduction())
            failures.Add("Sandbox:Enabled is refused in a production profile (ASPNETCORE_ENVIRONMENT=Production): a sandbox State answers by itself");
        if (string.IsNullOrWhiteSpace(o.ClientId) || string.IsNullOrEmpty(o.ClientSecret))
            failures.Add("Sandbox:ClientId and Sandbox:ClientSecret are needed (the State's own partner client, e.g. state-xsb-cms)");
        if (o.AcknowledgeAfter < TimeSpan.Zero || o.AcknowledgeAfter > TimeSpan.FromDays(1))
            failures.Add($"Sandbox:AcknowledgeAfter must be between 00:00:00 and 1.00:00:00 (got {o.AcknowledgeAfter})");
        if (o.PollInterval < TimeSpan.FromMilliseconds(100) || o.PollInterval > TimeSpan.FromMinutes(5))
            failures.Add($"Sandbox:PollInterval must be between 00:00:00.1 and 00:05:00 (got {o.PollInterval})");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
