using System.Security.Claims;

namespace Cooperation.ServiceDefaults.Auth;

/// <summary>
/// What a partner's token may open. One scope per organ, one per State (<c>state:UGA</c>), and the
/// Assembly's, operators' and the public's. Tokens carry them in the RFC 9068 <c>scope</c> claim.
/// </summary>
public static class Scopes
{
    public const string Registry = "registry";
    public const string Prosecutor = "prosecutor";
    public const string FocalPoint = "focal-point";
    public const string Assembly = "assembly";
    public const string Operator = "operator";
    public const string Public = "public";
    public const string StatePrefix = "state:";

    /// <summary>Every audience-wide scope that is not a State's.</summary>
    public static readonly IReadOnlyList<string> Fixed = [Registry, Prosecutor, FocalPoint, Assembly, Operator, Public];

    /// <summary>The one audience every access token carries and every service checks.</summary>
    public const string Audience = "cooperation-platform";

    public static string State(string code) => StatePrefix + code.ToUpperInvariant();

    /// <summary>A known scope: one of <see cref="Fixed"/>, or <c>state:</c> and an ISO 3166-1 alpha-3 code.</summary>
    public static bool IsValid(string scope) =>
        Fixed.Contains(scope, StringComparer.Ordinal)
        || (scope.StartsWith(StatePrefix, StringComparison.Ordinal)
            && scope.Length == StatePrefix.Length + 3
            && scope[StatePrefix.Length..].All(char.IsAsciiLetterUpper));

    /// <summary>
    /// The scopes a validated token granted. JWTs carry one space-separated <c>scope</c> claim;
    /// OpenIddict's validation also exposes them one per <c>oi_scp</c> claim.
    /// </summary>
    public static IReadOnlySet<string> Of(ClaimsPrincipal user) =>
        user.Claims
            .Where(c => c.Type is "scope" or "scp" or "oi_scp")
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The partner system's client id, for rate limits and logs (never a person's name).</summary>
    public static string? ClientId(ClaimsPrincipal user) =>
        user.FindFirst("client_id")?.Value ?? user.FindFirst("oi_prst")?.Value ?? user.FindFirst("sub")?.Value;
}
