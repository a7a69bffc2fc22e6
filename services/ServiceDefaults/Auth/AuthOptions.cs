using System.Net;
using Microsoft.Extensions.Options;

namespace Cooperation.ServiceDefaults.Auth;

/// <summary>
/// Where this service checks partners' access tokens: the gateway's OpenID discovery document
/// (its signing keys and issuer). Every service validates the token again, so a call that
/// bypasses the gateway is refused too.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The gateway's base URL, equal to its token issuer, e.g. http://127.0.0.1:5100/.</summary>
    public string Authority { get; set; } = "";

    /// <summary>The audience every token must name.</summary>
    public string Audience { get; set; } = Scopes.Audience;

    /// <summary>
    /// Tolerated clock difference. JwtBearer's default (5 minutes) would accept an expired token
    /// long after expiry; a few seconds is enough on machines that keep time.
    /// </summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often the gateway's key set is fetched again (default 1 hour). A rotated-in key must be published (as a
    /// retired key) at least this long before it starts signing, so no service ever meets a key id it does not know.
    /// </summary>
    public TimeSpan KeySetRefreshInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>True if the authority may be plain http although it is not loopback (a private network only).</summary>
    public bool AllowHttpAuthority { get; set; }

    internal Uri AuthorityUri => new(Authority.EndsWith('/') ? Authority : Authority + "/");

    internal bool RequireHttpsMetadata => AuthorityUri.Scheme == Uri.UriSchemeHttps || !(IsLoopback(AuthorityUri) || AllowHttpAuthority);

    internal static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip));
}

public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions o)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(o.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("http" or "https"))
            failures.Add("Auth:Authority is missing or not an http(s) URL (set Auth__Authority to the gateway's base URL, e.g. http://127.0.0.1:5100/)");
        else if (authority.Scheme == "http" && !AuthOptions.IsLoopback(authority) && !o.AllowHttpAuthority)
            failures.Add("Auth:Authority must be https unless it is a loopback address (or Auth:AllowHttpAuthority is true on a private network)");
        if (string.IsNullOrWhiteSpace(o.Audience)) failures.Add("Auth:Audience is empty (the default is cooperation-platform)");
        if (o.ClockSkew < TimeSpan.Zero || o.ClockSkew > TimeSpan.FromMinutes(1))
            failures.Add($"Auth:ClockSkew must be between 00:00:00 and 00:01:00 (got {o.ClockSkew})");
        // JwtBearer refuses an automatic refresh more often than every 5 minutes.
        if (o.KeySetRefreshInterval < TimeSpan.FromMinutes(5) || o.KeySetRefreshInterval > TimeSpan.FromDays(1))
            failures.Add($"Auth:KeySetRefreshInterval must be between 00:05:00 and 1.00:00:00 (got {o.KeySetRefreshInterval})");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
