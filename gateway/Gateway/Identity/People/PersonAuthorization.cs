using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Cooperation.Gateway.Identity.People;

/// <summary>
/// OAuth2 authorization code with PKCE (RFC 6749 §4.1, RFC 7636) for people using the consoles:
/// GET /connect/authorize asks the person to sign in (<see cref="SignInPage"/>) and returns a code to the
/// registered redirect URI; POST /connect/token exchanges it (with the verifier) for an access token whose
/// only scope is the person's desk; GET /connect/endsession ends the gateway's session and returns to the
/// registered post-logout URI. OpenIddict has already checked the client, redirect URI and PKCE parameters.
/// </summary>
public static class PersonAuthorization
{
    public const string DeskClaim = "desk";

    public static void MapPersonAuthorization(this IEndpointRouteBuilder routes)
    {
        routes.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], async (HttpContext http, IdentityDbContext db) =>
            {
                var request = http.GetOpenIddictServerRequest()
                              ?? throw new InvalidOperationException("The OpenIddict server request is missing.");
                var session = await http.AuthenticateAsync(PersonSession.Scheme);
                var person = session.Succeeded && Guid.TryParse(session.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
                    ? await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, http.RequestAborted)
                    : null;
                if (person is null)
                    return Results.Challenge(new AuthenticationProperties { RedirectUri = http.Request.Path + http.Request.QueryString }, [PersonSession.Scheme]);
                return Results.SignIn(Principal(person), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

        routes.MapMethods("/connect/endsession", [HttpMethods.Get, HttpMethods.Post], async (HttpContext http) =>
            {
                await http.SignOutAsync(PersonSession.Scheme);
                // OpenIddict redirects to the client's registered post_logout_redirect_uri.
                return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    /// <summary>
    /// The token for a code: built again from the person store, so a person removed (or moved to another
    /// desk) since signing in gets nothing more than the store now says.
    /// </summary>
    public static async Task<IResult> ExchangeCodeAsync(HttpContext http, IdentityDbContext db, OpenIddictRequest request)
    {
        var code = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var person = Guid.TryParse(code.Principal?.GetClaim(Claims.Subject), out var id)
            ? await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, http.RequestAborted)
            : null;
        if (person is null)
            return Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidGrant,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The person is no longer registered.",
            }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        return Results.SignIn(Principal(person), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static ClaimsPrincipal Principal(Person person)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, person.Id.ToString());
        identity.SetClaim(Claims.Name, person.DisplayName);
        // Every person comes through the one console client, so client_id cannot tell two people apart; an API that
        // acts on who the person is (the Assembly: a focal point on the cases assigned to it) reads the user name.
        identity.SetClaim(Claims.PreferredUsername, person.UserName);
        identity.SetClaim(Claims.Zoneinfo, person.TimeZone);
        identity.SetClaim(DeskClaim, person.Desk);
        // The desk's scope, whatever was asked: a person's token opens what the desk's system opens, never more.
        identity.SetScopes(person.Desk);
        identity.SetResources(ServiceDefaults.Auth.Scopes.Audience);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }
}
