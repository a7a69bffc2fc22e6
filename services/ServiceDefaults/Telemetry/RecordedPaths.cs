using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cooperation.ServiceDefaults.Telemetry;

/// <summary>
/// What a span records of a URL: the route template (<c>/registry/requests/{id}</c>), never the
/// raw path, which holds request ids of every State and would let whoever reads the traces list
/// them. Server spans take the matched endpoint's template; where none matched, and for outgoing
/// calls, every path segment holding a digit becomes <c>{id}</c> (ids are GUIDs, ULIDs or
/// references with numbers; State codes and resource names have none).
/// </summary>
public static class RecordedPaths
{
    /// <summary>At the end of a server span, when routing has run.</summary>
    public static void RecordRoute(Activity activity, HttpContext http)
    {
        var template = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        var path = template is not null ? "/" + template.TrimStart('/') : Scrub(http.Request.Path.Value);
        activity.SetTag("url.path", path);
        activity.SetTag("http.target", null); // the old semantic conventions' name for the same thing
    }

    /// <summary>At the start of a client span: the URL with its path scrubbed, and no query string.</summary>
    public static void RecordUrl(Activity activity, HttpRequestMessage request)
    {
        if (request.RequestUri is not { IsAbsoluteUri: true } uri) return;
        activity.SetTag("url.full", uri.GetLeftPart(UriPartial.Authority) + Scrub(uri.AbsolutePath));
        activity.SetTag("http.url", null);
        activity.SetTag("url.path", null);
        activity.SetTag("url.query", null);
    }

    public static string Scrub(string? path) =>
        string.IsNullOrEmpty(path)
            ? "/"
            : string.Join('/', path.Split('/').Select(segment => segment.Any(char.IsAsciiDigit) || segment.Length > 40 ? "{id}" : segment));
}
