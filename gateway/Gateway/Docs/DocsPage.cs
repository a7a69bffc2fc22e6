using System.Net;
using System.Text;
using Yarp.ReverseProxy;

namespace Cooperation.Gateway.Docs;

/// <summary>
/// GET /docs: one page listing every service's OpenAPI document, i.e. every proxy route whose path
/// is /docs/{service}/openapi.json (each forwards to that service's /openapi/v1.json). Adding a
/// State's docs route adds it here; nothing to edit in code.
/// </summary>
public static class DocsPage
{
    public static void MapDocsPage(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/docs", (IProxyStateLookup proxy) =>
            {
                var documents = proxy.GetRoutes()
                    .Select(r => r.Config.Match.Path)
                    .OfType<string>()
                    .Where(p => p.StartsWith("/docs/", StringComparison.Ordinal) && p.EndsWith("/openapi.json", StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                var html = new StringBuilder();
                html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Cooperation Platform API</title></head><body>");
                html.Append("<h1>Cooperation Platform API</h1>");
                html.Append("<p>Every call needs an access token from <code>POST /connect/token</code> (OAuth2 client credentials). ");
                html.Append("Errors are ProblemDetails (RFC 9457).</p><h2>OpenAPI documents</h2><ul>");
                foreach (var path in documents)
                {
                    var service = path["/docs/".Length..^"/openapi.json".Length];
                    html.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(path)).Append("\">")
                        .Append(WebUtility.HtmlEncode(service)).Append("</a></li>");
                }
                html.Append("</ul></body></html>");
                return Results.Content(html.ToString(), "text/html; charset=utf-8");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
}
