using Microsoft.Net.Http.Headers;

namespace Cooperation.Gateway.Security;

/// <summary>
/// Headers on every answer, proxied or not: the API speaks JSON to programs, so nothing may be
/// sniffed, framed, cached, or run as a page; referrers never leave. The docs page is plain HTML
/// without scripts or styles, so the same policy fits it.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                // Pages for people (the consoles behind /console, the sign-in page) bring their own policy.
                if (!(OwnsPagePolicy(http.Request.Path) && headers.ContainsKey(HeaderNames.ContentSecurityPolicy)))
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
