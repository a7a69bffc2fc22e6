namespace Cooperation.EndToEnd.Tests.Security.BadInput;

/// <summary>Who calls: a real partner's token, none, or a token minted with one flaw.</summary>
public enum Caller
{
    None, Registry, Prosecutor, Uganda, SouthAfrica, Public, Operator,
    Expired, Forged, WrongAudience, Garbage,
    /// <summary>The Assembly's Secretariat (scope assembly): the generated suite's Assembly cases.</summary>
    Assembly,
}

/// <summary>Sent through the gateway, or straight to a service (bypassing it).</summary>
public enum Target { Gateway, Registry, Prosecutor, Uganda, Assembly }

/// <summary>
/// One bad input: method, path (with {draft}, {uga}, {zaf} for ids the suite created), caller,
/// raw body, and the status it must get. <paramref name="TypeSuffix"/> is the problem type's end
/// when it matters (e.g. /unauthorized).
/// </summary>
public sealed record BadInputCase(
    string Name, Target Target, string Method, string Path, Caller Caller, int Status,
    string? Body = null, string ContentType = "application/json", string? TypeSuffix = null)
{
    public override string ToString() => $"{Target,-10} {Method,-4} {Path} as {Caller}: {Name} -> {Status}";
}
