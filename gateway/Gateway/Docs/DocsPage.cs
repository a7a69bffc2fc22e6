using System.Net;
using System.Reflection;
using System.Text;
using Cooperation.ServiceDefaults.Auth;
using Scalar.AspNetCore;
using Yarp.ReverseProxy;

namespace Cooperation.Gateway.Docs;

/// <summary>
/// GET /docs: the interactive API reference (Scalar, issue 14) over the services' OpenAPI documents, i.e. the
/// proxy routes whose path is /docs/{service}/openapi.json (each forwards to that service's /openapi/v1.json).
/// Adding a State's docs route adds it here; nothing to edit in code. A developer obtains a client-credentials
/// token on the page and tries calls against this gateway. Which States have a node is not told to strangers
/// ("404, not 403"): a State node's document is listed, and served, only to that State's token (route policy
/// <c>state</c>); in a browser the page fetches it with the token the developer obtained.
/// </summary>
public static class DocsPage
{
    private const string StateDocuments = "/docs/states/";
    /// <summary>Where Scalar's own script is served from (the package's embedded copy: no CDN).</summary>
    public const string AssetsPrefix = "/docs/reference";
    public const string Script = "/docs/reference.js";

    private static readonly Lazy<byte[]> ReferenceScript = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("reference.js")
                           ?? throw new InvalidOperationException("reference.js is not embedded in the gateway");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static void MapDocsPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/docs", (HttpContext http, IProxyStateLookup proxy) =>
            {
                var scopes = Scopes.Of(http.User);
                var documents = proxy.GetRoutes()
                    .Select(r => r.Config.Match.Path)
                    .OfType<string>()
                    .Where(p => p.StartsWith("/docs/", StringComparison.Ordinal) && p.EndsWith("/openapi.json", StringComparison.Ordinal))
                    .Where(p => !p.StartsWith(StateDocuments, StringComparison.Ordinal)
                                || scopes.Contains(Scopes.State(p[StateDocuments.Length..].Split('/')[0])))
                    // The Registry's first (the reference opens on the first document), then the Prosecutor's, the Assembly's, a State's.
                    .OrderBy(p => p.StartsWith("/docs/registry/", StringComparison.Ordinal) ? 0
                        : p.StartsWith("/docs/prosecutor/", StringComparison.Ordinal) ? 1
                        : p.StartsWith("/docs/assembly/", StringComparison.Ordinal) ? 2 : 3)
                    .ThenBy(p => p, StringComparer.Ordinal)
                    .ToList();
                var html = new StringBuilder();
                html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Cooperation Platform API</title>");
                html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head><body>");
                html.Append("<header><h1>Cooperation Platform API</h1>");
                html.Append("<p>Every call needs an access token from <code>POST /connect/token</code> (OAuth2 client credentials), ");
                html.Append("sent in the <code>Authorization: Bearer</code> header. Errors are ProblemDetails (RFC 9457).</p>");
                html.Append("<p><label>client_id <input id=\"client-id\" autocomplete=\"off\"></label> ");
                html.Append("<label>client_secret <input id=\"client-secret\" type=\"password\" autocomplete=\"off\"></label> ");
                html.Append("<button id=\"get-token\" type=\"button\">Get token</button> <span id=\"token-status\" role=\"status\"></span></p>");
                html.Append("<h2>OpenAPI documents</h2><ul>");
                foreach (var path in documents)
                {
                    var service = path["/docs/".Length..^"/openapi.json".Length];
                    var organ = !path.StartsWith(StateDocuments, StringComparison.Ordinal);
                    html.Append("<li><a class=\"").Append(organ ? "api-document" : "state-document").Append("\" data-title=\"")
                        .Append(WebUtility.HtmlEncode(TitleOf(service))).Append("\" data-slug=\"").Append(WebUtility.HtmlEncode(service.Replace('/', '-')))
                        .Append("\" href=\"").Append(WebUtility.HtmlEncode(path)).Append("\">")
                        .Append(WebUtility.HtmlEncode(service)).Append("</a></li>");
                }
                html.Append("</ul><p>A State node's document: <code>GET /docs/states/{code}/openapi.json</code> with that State's token ");
                html.Append("(obtain one above and it is added to the reference).</p></header>");
                html.Append("<div id=\"app\"></div>");
                html.Append("<script src=\"").Append(AssetsPrefix).Append("/scalar.js\"></script>");
                html.Append("<script type=\"module\" src=\"").Append(Script).Append("\"></script>");
                html.Append("</body></html>");
                return Results.Content(html.ToString(), "text/html; charset=utf-8");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

        routes.MapGet(Script, () => Results.Bytes(ReferenceScript.Value, "text/javascript; charset=utf-8"))
            .AllowAnonymous()
            .ExcludeFromDescription();

        // Only Scalar's assets (its script, served from the package); its own page is /docs.
        routes.MapScalarApiReference(AssetsPrefix).AllowAnonymous();
    }

    /// <summary>Scalar's own page under <see cref="AssetsPrefix"/> is replaced by /docs (one reference, one policy).</summary>
    public static IApplicationBuilder UseDocsReferenceRedirect(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            var path = http.Request.Path.Value ?? "";
            if (path.StartsWith(AssetsPrefix, StringComparison.Ordinal) && !path.EndsWith(".js", StringComparison.Ordinal) && !path.EndsWith(".svg", StringComparison.Ordinal))
            {
                http.Response.Redirect("/docs");
                return Task.CompletedTask;
            }
            return next(http);
        });

    private static string TitleOf(string service) => service switch
    {
        "registry" => "Registry",
        "prosecutor" => "Office of the Prosecutor",
        "assembly" => "Assembly of States Parties",
        _ => service,
    };

    /// <summary>True for the pages that run the reference's scripts (they get <see cref="Security.SecurityHeaders.DocsContentSecurityPolicy"/>).</summary>
    public static bool IsReferencePage(PathString path) =>
        path == "/docs" || path.StartsWithSegments(AssetsPrefix) || path == Script;
}
