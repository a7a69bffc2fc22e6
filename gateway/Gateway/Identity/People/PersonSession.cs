using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Cooperation.Gateway.Identity.People;

/// <summary>
/// The gateway's own short session for a person who signed in (a cookie for /account and /connect only):
/// it lets the authorization endpoint issue codes without asking again until it expires. It opens no API:
/// APIs take access tokens only (Authorization header).
/// </summary>
public static class PersonSession
{
    public const string Scheme = "person-session";

    public static AuthenticationBuilder AddPersonSession(this AuthenticationBuilder authentication, TimeSpan lifetime) =>
        authentication.AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = "coop-person";
            cookie.Cookie.Path = "/";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = lifetime;
            cookie.SlidingExpiration = false;
            cookie.LoginPath = SignInPage.Path;
            cookie.ReturnUrlParameter = "returnUrl";
            // Never a redirect for API callers: a missing session only matters on the authorization endpoint.
            cookie.ForwardAuthenticate = null;
        });
}
