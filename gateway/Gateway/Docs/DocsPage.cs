using System.Net;
using System.Text;
using Cooperation.ServiceDefaults.Auth;
using Yarp.ReverseProxy;

namespace Cooperation.Gateway.Docs;

/// <summary>
/// GET /docs: one page listing the services' OpenAPI documents, i.e. the proxy routes whose path is
/// /docs/{service}/openapi.json (each forwards to that service's /openapi/v1.json). Adding a State's
/// docs route adds it here; nothing to edit in code. Which States have a node is not told to
/// strangers ("404, not 403"): a State node's document (the same API for every State) is listed,
/// and served, only to that State's token (route policy <c>state</c>).
/// </summary>
public static class DocsPage
{
    private const string StateDocuments = "/docs/states/";

    public static void MapDocsPage(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/docs", (HttpContext http, IProxyStateLookup proxy) =>
            {
                var scopes = Scopes.Of(http.User);
                var documents = proxy.GetRoutes()
                    .Select(r => r.Config.Match.Path)
                    .OfType<string>()
                    .Where(p => p.StartsWith("/docs/", StringComparison.Ordinal) && p.EndsWith("/openapi.json", StringComparison.Ordinal))
                    .Where(p => !p.StartsWith(StateDocuments, StringComparison.Ordinal)
                                || scopes.Contains(Scopes.State(p[StateDocuments.Length..].Split('/')[0])))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                var html = new StringBuilder();
                html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Cooperation Platform API</title></head><body>");
                html.Append("<h1>Cooperation Platform API</h1>");
                html.Append("<p>Every call needs an access token from <code>POST /connect/token</code> (OAuth2 client credentials), ");
                html.Append("sent in the <code>Authorization: Bearer</code> header. Errors are ProblemDetails (RFC 9457).</p><h2>OpenAPI documents</h2><ul>");
                foreach (var path in documents)
                {
                    var service = path["/docs/".Length..^"/openapi.json".Length];
                    html.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(path)).Append("\">")
                        .Append(WebUtility.HtmlEncode(service)).Append("</a></li>");
                }
                html.Append("</ul><p>A State node's document: <code>GET /docs/states/{code}/openapi.json</code> with that State's token.</p>");
                html.Append("</body></html>");
                return Results.Content(html.ToString(), "text/html; charset=utf-8");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
}
