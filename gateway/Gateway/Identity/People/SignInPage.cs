using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Gateway.Identity.People;

/// <summary>
/// GET/POST /account/signin: the page a person types a user name and password into, on the way from
/// the console to /connect/authorize. Antiforgery-checked; one answer for an unknown name and a wrong
/// password; the return address must be the authorization endpoint (no open redirect).
/// </summary>
public static class SignInPage
{
    public const string Path = "/account/signin";

    /// <summary>Scripts none, styles none, the form posts here only.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static void MapSignInPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, (HttpContext http, IAntiforgery antiforgery) =>
                Page(http, antiforgery, ReturnUrl(http.Request.Query["returnUrl"]), error: false))
            .AllowAnonymous().ExcludeFromDescription();

        routes.MapPost(Path, async (HttpContext http, IAntiforgery antiforgery, IdentityDbContext db, IPasswordHasher<Person> hasher) =>
            {
                if (!http.Request.HasFormContentType) return Results.BadRequest();
                try
                {
                    await antiforgery.ValidateRequestAsync(http);
                }
                catch (AntiforgeryValidationException)
                {
                    return Page(http, antiforgery, "", error: true, StatusCodes.Status400BadRequest);
                }
                var form = await http.Request.ReadFormAsync(http.RequestAborted);
                var returnUrl = ReturnUrl(form["returnUrl"]);
                var userName = form["username"].ToString();
                var password = form["password"].ToString();
                var person = userName.Length is > 0 and <= 64
                    ? await db.People.SingleOrDefaultAsync(p => p.UserName == userName, http.RequestAborted)
                    : null;
                // Hash even for an unknown name, so the answer's timing does not tell which names exist.
                var verified = hasher.VerifyHashedPassword(person ?? Unknown, person?.PasswordHash ?? UnknownHash, password);
                if (person is null || verified == PasswordVerificationResult.Failed)
                    return Page(http, antiforgery, returnUrl, error: true, StatusCodes.Status401Unauthorized);

                var identity = new ClaimsIdentity(PersonSession.Scheme, ClaimTypes.NameIdentifier, null);
                identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, person.Id.ToString()));
                await http.SignInAsync(PersonSession.Scheme, new ClaimsPrincipal(identity));
                return Results.Redirect(returnUrl.Length > 0 ? returnUrl : "/console/");
            })
            .AllowAnonymous().ExcludeFromDescription();
    }

    private static readonly Person Unknown = new();
    private static readonly string UnknownHash = new PasswordHasher<Person>().HashPassword(Unknown, Guid.NewGuid().ToString());

    /// <summary>Only the authorization endpoint may be returned to.</summary>
    private static string ReturnUrl(string? candidate) =>
        candidate is { Length: < 4096 } url && url.StartsWith("/connect/authorize?", StringComparison.Ordinal) && !url.Contains('\\') ? url : "";

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, string returnUrl, bool error, int status = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var fr = http.Request.Headers.AcceptLanguage.ToString().StartsWith("fr", StringComparison.OrdinalIgnoreCase);
        string T(string en, string french) => WebUtility.HtmlEncode(fr ? french : en);
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"").Append(fr ? "fr" : "en").Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(T("Sign in — Cooperation Platform", "Connexion — Plateforme de coopération")).Append("</title></head><body><main>")
            .Append("<h1>").Append(T("Sign in to the Cooperation Platform", "Connexion à la plateforme de coopération")).Append("</h1>");
        if (error)
            html.Append("<p role=\"alert\" id=\"signin-error\">").Append(T("Unknown user name or wrong password.", "Nom d'utilisateur inconnu ou mot de passe erroné.")).Append("</p>");
        html.Append("<form method=\"post\" action=\"").Append(Path).Append("\">")
            .Append("<input type=\"hidden\" name=\"").Append(WebUtility.HtmlEncode(tokens.FormFieldName)).Append("\" value=\"").Append(WebUtility.HtmlEncode(tokens.RequestToken)).Append("\">")
            .Append("<input type=\"hidden\" name=\"returnUrl\" value=\"").Append(WebUtility.HtmlEncode(returnUrl)).Append("\">")
            .Append("<p><label for=\"username\">").Append(T("User name", "Nom d'utilisateur")).Append("</label><br><input id=\"username\" name=\"username\" autocomplete=\"username\" required maxlength=\"64\"></p>")
            .Append("<p><label for=\"password\">").Append(T("Password", "Mot de passe")).Append("</label><br><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required></p>")
            .Append("<p><button type=\"submit\">").Append(T("Sign in", "Se connecter")).Append("</button></p></form></main></body></html>");
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
