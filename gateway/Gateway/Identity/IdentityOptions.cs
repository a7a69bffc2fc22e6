using Cooperation.ServiceDefaults.Auth;
using Microsoft.Extensions.Options;

namespace Cooperation.Gateway.Identity;

/// <summary>
/// The gateway's token server (OAuth2 client credentials). Clients are registered by operators in
/// configuration; secrets come from the environment (infra/run generates them), never the repository.
/// </summary>
public sealed class IdentityOptions
{
    public const string Section = "Identity";

    /// <summary>The issuer (iss) of every token: the gateway's base URL as services reach it. Services set Auth:Authority to it.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>
    /// True if the issuer may be plain http although it is not loopback: a private container network only (the
    /// single-host compose file, where services reach the gateway as http://gateway:8080/). Like the services'
    /// Auth:AllowHttpAuthority; never on a network anyone else can reach.
    /// </summary>
    public bool AllowHttpIssuer { get; set; }

    /// <summary>PEM file (PKCS#8 RSA private key) that signs tokens; created at first start when missing.</summary>
    public string SigningKeyPath { get; set; } = "";

    /// <summary>
    /// PEM file (PKCS#8 RSA private key) that encrypts authorization codes; created at first start when missing. The
    /// same file for every instance, so a code issued by one is redeemed at another. Default: gateway-encryption.pem
    /// beside the signing key.
    /// </summary>
    public string EncryptionKeyPath { get; set; } = "";

    public string EffectiveEncryptionKeyPath => EncryptionKeyPath.Length > 0
        ? EncryptionKeyPath
        : Path.Combine(Path.GetDirectoryName(SigningKeyPath) ?? "", "gateway-encryption.pem");

    /// <summary>Keys being rotated out: still published for validation, never used to sign.</summary>
    public List<string> RetiredSigningKeyPaths { get; set; } = [];

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public List<ClientRegistration> Clients { get; set; } = [];

    /// <summary>People who sign in to the consoles (authorization code + PKCE), each bound to one desk.</summary>
    public List<People.PersonRegistration> People { get; set; } = [];

    /// <summary>How long the gateway's sign-in session lasts before a person types the password again.</summary>
    public TimeSpan PersonSessionLifetime { get; set; } = TimeSpan.FromMinutes(30);
}

/// <summary>One partner system: its id, its secret (stored hashed) and the scopes it may ask for.</summary>
public sealed class ClientRegistration
{
    public string ClientId { get; set; } = "";
    public string Secret { get; set; } = "";
    /// <summary>Space- or comma-separated, e.g. "state:UGA" or "registry".</summary>
    public string Scopes { get; set; } = "";
    /// <summary>Requests per rate-limit window for this client; the gateway's default when absent.</summary>
    public int? RateLimit { get; set; }
    /// <summary>
    /// A console (web application acting for people): where codes are returned (authorization code + PKCE).
    /// Empty for partner systems, which use client credentials only.
    /// </summary>
    public List<string> RedirectUris { get; set; } = [];
    /// <summary>Where /connect/endsession may return to after signing a person out.</summary>
    public List<string> PostLogoutRedirectUris { get; set; } = [];

    public IReadOnlyList<string> ScopeList =>
        Scopes.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public sealed class IdentityOptionsValidator : IValidateOptions<IdentityOptions>
{
    public ValidateOptionsResult Validate(string? name, IdentityOptions o)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(o.Issuer, UriKind.Absolute, out var issuer) || issuer.Scheme is not ("http" or "https"))
            failures.Add("Identity:Issuer is missing or not an http(s) URL (set Identity__Issuer to the gateway's base URL)");
        else if (issuer.Scheme == "http" && !issuer.IsLoopback && issuer.Host != "127.0.0.1" && !o.AllowHttpIssuer)
            failures.Add("Identity:Issuer must be https unless it is a loopback address (or Identity:AllowHttpIssuer is true on a private network)");
        if (string.IsNullOrWhiteSpace(o.SigningKeyPath))
            failures.Add("Identity:SigningKeyPath is missing (set Identity__SigningKeyPath to a PEM file; it is created if absent)");
        if (o.AccessTokenLifetime < TimeSpan.FromMinutes(1) || o.AccessTokenLifetime > TimeSpan.FromHours(1))
            failures.Add($"Identity:AccessTokenLifetime must be between 00:01:00 and 01:00:00 (got {o.AccessTokenLifetime})");

        for (var i = 0; i < o.Clients.Count; i++)
        {
            var c = o.Clients[i];
            var at = $"Identity:Clients:{i}";
            if (string.IsNullOrWhiteSpace(c.ClientId) || c.ClientId.Length > 100 || !c.ClientId.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.'))
                failures.Add($"{at}:ClientId must be 1-100 letters, digits, '-', '_' or '.'");
            if (c.Secret.Length < 16)
                failures.Add($"{at}:Secret must be at least 16 characters (infra/run generates one)");
            // A console (redirect URIs) has no scope of its own: each person's token carries that person's desk.
            if (c.ScopeList.Count == 0 && c.RedirectUris.Count == 0)
                failures.Add($"{at}:Scopes is empty (e.g. registry, prosecutor or state:UGA)");
            foreach (var scope in c.ScopeList.Where(s => !Scopes.IsValid(s)))
                failures.Add($"{at}:Scopes has an unknown scope '{scope}' (known: {string.Join(", ", Scopes.Fixed)}, state:XXX)");
            if (c.RateLimit is < 1)
                failures.Add($"{at}:RateLimit must be at least 1");
        }
        foreach (var uri in o.Clients.SelectMany(c => c.RedirectUris.Concat(c.PostLogoutRedirectUris)))
            if (!Uri.TryCreate(uri, UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(u.Fragment))
                failures.Add($"Identity:Clients has a redirect URI that is not an absolute http(s) URL without fragment: '{uri}'");
        failures.AddRange(People.PersonRegistration.Check(o.People));
        foreach (var duplicate in o.Clients.GroupBy(c => c.ClientId, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            failures.Add($"Identity:Clients has client '{duplicate.Key}' more than once");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
