using System.Text.Json;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Cooperation.Gateway.Identity;

/// <summary>
/// What OpenIddict lets through on POST /connect/token but this platform refuses, answered the
/// way RFC 6749 §5.2 answers any token error (400, <c>error</c>, <c>error_description</c>):
/// a parameter sent twice (§3.1: "MUST NOT be included more than once"; a repeated <c>scope</c>
/// used to give the client every scope it has), a <c>scope</c> with characters outside §3.3's
/// scope-token (a NUL used to answer 500), and OpenID Connect scopes (<c>openid</c> used to issue
/// an id_token): client credentials identify a partner system, never a person.
/// </summary>
public static class TokenRequestChecks
{
    public const string TokenPath = "/connect/token";

    /// <summary>Scopes of OpenID Connect that OpenIddict would honour without any permission; never granted here.</summary>
    private static readonly string[] IdentityScopes = [Scopes.OpenId, Scopes.OfflineAccess, Scopes.Profile, Scopes.Email, Scopes.Phone, Scopes.Address, Scopes.Roles];

    public static IApplicationBuilder UseTokenRequestChecks(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (!IsTokenRequest(http.Request) || await RefusalAsync(http.Request) is not { } refusal)
            {
                await next(http);
                return;
            }
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            http.Response.ContentType = "application/json;charset=UTF-8";
            await http.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["error"] = refusal.Error,
                ["error_description"] = refusal.Description,
            }));
        });

    public static bool IsTokenRequest(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Equals(TokenPath, StringComparison.OrdinalIgnoreCase) && request.HasFormContentType;

    /// <summary>The form of a token request, or null when there is none or it cannot be read.</summary>
    public static async Task<IFormCollection?> ReadFormAsync(HttpRequest request)
    {
        if (!request.HasFormContentType) return null;
        try
        {
            return await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return null;
        }
    }

    private static async Task<(string Error, string Description)?> RefusalAsync(HttpRequest request)
    {
        if (await ReadFormAsync(request) is not { } form)
            return (Errors.InvalidRequest, "The body must be an application/x-www-form-urlencoded form (RFC 6749, section 4.4.2).");
        foreach (var (name, values) in form.Concat(request.Query))
            if (values.Count > 1 || (form.ContainsKey(name) && request.Query.ContainsKey(name)))
                return (Errors.InvalidRequest, $"The '{Printable(name)}' parameter must be sent once (RFC 6749, section 3.1).");

        if (!form.TryGetValue(Parameters.Scope, out var scopeValues) || scopeValues.ToString() is not { Length: > 0 } scope) return null;
        // RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ), separated by single spaces.
        if (!scope.All(c => c == ' ' || c == 0x21 || c is >= (char)0x23 and <= (char)0x5B || c is >= (char)0x5D and <= (char)0x7E))
            return (Errors.InvalidRequest, "The 'scope' parameter holds characters a scope cannot have (RFC 6749, section 3.3).");
        var identityScope = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(s => IdentityScopes.Contains(s, StringComparer.Ordinal));
        if (identityScope is not null)
            return (Errors.InvalidScope, $"The '{identityScope}' scope is not offered: client credentials identify a partner system, not a person.");
        return null;
    }

    // A parameter name is echoed only if it is plain text (it comes from the caller).
    private static string Printable(string name) =>
        name.Length <= 40 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.') ? name : "?";
}
