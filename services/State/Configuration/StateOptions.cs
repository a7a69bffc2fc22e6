using Cooperation.Organs;
using Microsoft.Extensions.Options;

namespace Cooperation.State.Configuration;

/// <summary>Which State Party this node serves. One binary serves any State; each runs its own process.</summary>
public sealed class StateOptions
{
    public const string Section = "State";

    /// <summary>ISO 3166-1 alpha-3, e.g. UGA.</summary>
    public string Code { get; set; } = "";

    public string NormalizedCode => StateCode.Parse(Code).Value;
}

internal sealed class StateOptionsValidator : IValidateOptions<StateOptions>
{
    public ValidateOptionsResult Validate(string? name, StateOptions o) =>
        StateCode.TryParse(o.Code, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"State:Code must be the State's ISO 3166-1 alpha-3 code, e.g. UGA (got '{o.Code}'; set State__Code)");
}
