using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OAuth;

namespace Cooperation.Consoles.Signin;

/// <summary>
/// People sign in at the gateway (OAuth2 authorization code + PKCE, RFC 7636); the console keeps the
/// person's access token inside its encrypted, HttpOnly session cookie (never readable by page
/// scripts) and the session ends when the token does. The token is read, not trusted: the gateway
/// handed it over on the back channel, and every API it is sent to validates it.
/// </summary>
public static class ConsoleSignIn
{
    public const string CookieScheme = "console-session";
    public const string GatewayScheme = "gateway";
    public const string CallbackPath = "/signin-gateway";
    public const string SignedOutPath = "/signed-out";

    public static IServiceCollection AddConsoleSignIn(this IServiceCollection services, ConsoleOptions options)
    {
        services.AddAuthentication(auth =>
            {
                auth.DefaultScheme = CookieScheme;
                auth.DefaultChallengeScheme = GatewayScheme;
            })
            .AddCookie(CookieScheme, cookie =>
            {
                cookie.Cookie.Name = "coop-console";
                cookie.Cookie.Path = ConsoleOptions.PathBase;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.SlidingExpiration = false;
                cookie.Events.OnValidatePrincipal = context =>
                {
                    // The session lasts as long as the person's access token, not a minute more.
                    if (DeskPerson.From(context.Principal!) is not { } person || person.ExpiresAt <= DateTimeOffset.UtcNow)
                        context.RejectPrincipal();
                    return Task.CompletedTask;
                };
            })
            .AddOAuth(GatewayScheme, oauth =>
            {
                oauth.ClientId = options.ClientId;
                oauth.ClientSecret = options.ClientSecret;
                // The browser goes to the gateway it already talks to (same origin); the code is exchanged on the back channel.
                oauth.AuthorizationEndpoint = "/connect/authorize";
                oauth.TokenEndpoint = new Uri(options.Gateway, "connect/token").ToString();
                oauth.CallbackPath = CallbackPath;
                oauth.UsePkce = true;
                oauth.SaveTokens = false;
                oauth.SignInScheme = CookieScheme;
                oauth.Events.OnCreatingTicket = context =>
                {
                    var token = context.AccessToken ?? throw new InvalidOperationException("The gateway returned no access token.");
                    var identity = context.Identity!;
                    foreach (var claim in DeskPerson.ClaimsOf(token)) identity.AddClaim(claim);
                    var person = DeskPerson.From(new ClaimsPrincipal(identity))
                                 ?? throw new InvalidOperationException("The gateway's token names no desk.");
                    context.Properties.ExpiresUtc = person.ExpiresAt;
                    context.Properties.IsPersistent = false;
                    return Task.CompletedTask;
                };
            });
        services.AddAuthorization();
        return services;
    }

    public static void MapSignInEndpoints(this IEndpointRouteBuilder routes)
    {
        // Sign-out: a form post with the antiforgery token; ends the console's session, then the gateway's.
        routes.MapPost("/account/signout", async (HttpContext http, IAntiforgery antiforgery, ConsoleOptions options) =>
            {
                if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
                await http.SignOutAsync(CookieScheme);
                var back = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{SignedOutPath}";
                return Results.Redirect($"/connect/endsession?client_id={Uri.EscapeDataString(options.ClientId)}&post_logout_redirect_uri={Uri.EscapeDataString(back)}");
            })
            .AllowAnonymous();

        routes.MapGet(SignedOutPath, (HttpContext http) =>
            {
                var fr = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr";
                var html = fr
                    ? "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Déconnecté — Consoles</title></head><body><main><h1>Vous êtes déconnecté</h1><p><a href=\"./\">Se connecter à nouveau</a></p></main></body></html>"
                    : "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Signed out — Consoles</title></head><body><main><h1>You are signed out</h1><p><a href=\"./\">Sign in again</a></p></main></body></html>";
                return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8);
            })
            .AllowAnonymous();

        // The language switch: a cookie read by request localization, then a full reload of the page.
        routes.MapGet("/culture", (HttpContext http, string? lang, string? returnUrl) =>
            {
                var culture = lang == "fr" ? "fr" : "en";
                http.Response.Cookies.Append(Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.DefaultCookieName,
                    Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.MakeCookieValue(new(culture)),
                    new CookieOptions { Path = ConsoleOptions.PathBase, HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365) });
                var local = returnUrl is { Length: > 0 } r && r.StartsWith(ConsoleOptions.PathBase + "/", StringComparison.Ordinal) && !r.StartsWith("//") && !r.Contains('\\');
                return Results.Redirect(local ? returnUrl! : ConsoleOptions.PathBase + "/");
            })
            .AllowAnonymous();
    }
}
