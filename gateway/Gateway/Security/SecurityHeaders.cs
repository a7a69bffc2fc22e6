using Microsoft.Net.Http.Headers;

namespace Cooperation.Gateway.Security;

/// <summary>
/// Headers on every answer, proxied or not: the API speaks JSON to programs, so nothing may be
/// sniffed, framed, cached, or run as a page; referrers never leave. The docs page runs the API
/// reference's scripts, from this gateway only.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>
    /// The interactive reference at /docs (issue 14) runs scripts, but only this gateway's own (Scalar's served
    /// from its package), and calls only this gateway; Scalar sets its styles inline.
    /// </summary>
    public const string DocsContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                // Pages for people (the consoles behind /console, the sign-in page) bring their own policy; the API
                // reference at /docs gets its own.
                if (Docs.DocsPage.IsReferencePage(http.Request.Path)) headers.ContentSecurityPolicy = DocsContentSecurityPolicy;
                else if (!(OwnsPagePolicy(http.Request.Path) && headers.ContainsKey(HeaderNames.ContentSecurityPolicy)))
                    headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.CacheControl = "no-store";
                headers.Remove(HeaderNames.Server);
                headers.Remove("X-Powered-By");
                return Task.CompletedTask;
            });
            await next(http);
        });

    private static bool OwnsPagePolicy(PathString path) =>
        path.StartsWithSegments("/console") || path.StartsWithSegments(Identity.People.SignInPage.Path);
}
