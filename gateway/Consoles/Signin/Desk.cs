namespace Cooperation.Consoles.Signin;

/// <summary>
/// A person's desk: the one scope their token carries. It decides which pages the console offers and
/// which API paths it calls; the gateway and the services decide what the token actually opens.
/// </summary>
public sealed record Desk(string Scope)
{
    public bool IsCourt => Scope is "registry" or "prosecutor";
    /// <summary>The Registry only: travel alerts (the Chambers' warrants) and non-compliance matters are the Registry's.</summary>
    public bool IsRegistry => Scope == "registry";
    public bool IsState => Scope.StartsWith("state:", StringComparison.Ordinal);
    public bool IsAssembly => Scope is "assembly" or "focal-point";
    /// <summary>The Presidency/Bureau through the Assembly's Secretariat (scope assembly), who alone records the formal response.</summary>
    public bool IsPresidency => Scope == "assembly";
    public bool IsOperator => Scope == "operator";

    /// <summary>The State's ISO code for a State's central authority, else null.</summary>
    public string? StateCode => IsState ? Scope["state:".Length..] : null;

    /// <summary>The API prefix of the desk's own requests: /registry, /prosecutor or /states/UGA.</summary>
    public string RequestsApi => IsState ? $"/states/{StateCode}" : "/" + Scope;

    public static Desk? Parse(string? scope) =>
        scope is "registry" or "prosecutor" or "assembly" or "focal-point" or "operator"
        || (scope is { Length: 9 } s && s.StartsWith("state:", StringComparison.Ordinal) && s[6..].All(char.IsAsciiLetterUpper))
            ? new Desk(scope!)
            : null;
}
