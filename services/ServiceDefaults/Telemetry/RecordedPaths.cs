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
        var endpoint = http.GetEndpoint() as RouteEndpoint;
        var template = endpoint?.RoutePattern.RawText;
        var path = template is not null ? "/" + template.TrimStart('/') : Scrub(http.Request.Path.Value);
        activity.SetTag("url.path", path);
        activity.SetTag("http.target", null); // the old semantic conventions' name for the same thing
        if (endpoint is null) return;
        TagRouteIds(activity, endpoint, http);
        // A call that created something (201 with its Location, e.g. a drafted request) works on the new id.
        if (http.Response.Headers.Location.ToString() is { Length: > 0 } location)
        {
            var parts = location.Split('?')[0].Split('/');
            for (var i = 1; i < parts.Length; i++)
                if (RequestTags.ForRouteSegment(parts[i - 1]) is { } tag && activity.GetTagItem(tag) is null && Guid.TryParse(parts[i], out var created))
                    activity.SetTag(tag, created.ToString());
        }
        if (endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName is { } name) activity.SetTag(RequestTags.Step, StepOf(name));
    }

    /// <summary>
    /// Our own span around a named endpoint, named by the domain step ("transmit request", "open consultation"),
    /// carrying the ids its route names: the trace reads as what the desk did, not only as an HTTP method and path.
    /// </summary>
    public static async Task StepSpanAsync(HttpContext http, Func<Task> next)
    {
        if (http.GetEndpoint() is not RouteEndpoint endpoint || endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName is not { } name)
        {
            await next();
            return;
        }
        var step = StepOf(name);
        using var activity = CooperationTelemetry.Source.StartActivity(step, ActivityKind.Internal);
        if (activity is not null)
        {
            activity.SetTag(RequestTags.Step, step);
            TagRouteIds(activity, endpoint, http);
        }
        await next();
    }

    /// <summary>The ids the route names (requests/{id}, consultations/{cid}, ...): what the call works on.</summary>
    private static void TagRouteIds(Activity activity, RouteEndpoint endpoint, HttpContext http)
    {
        var segments = endpoint.RoutePattern.PathSegments;
        for (var i = 1; i < segments.Count; i++)
            if (segments[i].Parts is [Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter]
                && segments[i - 1].Parts is [Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal]
                && RequestTags.ForRouteSegment(literal.Content) is { } tag && http.Request.RouteValues[parameter.Name] is string value
                && Guid.TryParse(value, out var id))
                activity.SetTag(tag, id.ToString());
    }

    /// <summary>"RegistryTransmitRequest" → "transmit request": the endpoint's name in the domain's words, without the organ.</summary>
    public static string StepOf(string endpointName)
    {
        var words = System.Text.RegularExpressions.Regex.Split(endpointName, "(?<=[a-z0-9])(?=[A-Z])")
            .Select(w => w.ToLowerInvariant()).ToList();
        if (words.Count > 1 && words[0] is "registry" or "prosecutor" or "state" or "assembly") words.RemoveAt(0);
        return string.Join(' ', words);
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
