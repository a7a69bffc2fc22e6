using Cooperation.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Cooperation.Gateway.Security;

/// <summary>
/// What the gateway says when forwarding cannot be done: 413 for a body over the limit (refused
/// before anything is forwarded when Content-Length says so), 504 when the backend is too slow,
/// 502/503 when it cannot be reached. Always ProblemDetails, never the exception text.
/// </summary>
public static class ProxyProblems
{
    /// <summary>Refuses oversized bodies up front and caps chunked ones while they stream.</summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            var limit = http.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.MaxRequestBodyBytes;
            if (http.Request.ContentLength > limit)
            {
                await WriteAsync(http, Problems.PayloadTooLarge(limit));
                return;
            }
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
            await next(http);
        });

    /// <summary>Runs in the proxy pipeline, after forwarding: turns YARP's bare status codes into problems.</summary>
    public static async Task WriteForwarderErrorAsync(HttpContext http, Func<Task> next)
    {
        await next();
        var error = http.GetForwarderErrorFeature();
        if (error is null || http.Response.HasStarted) return;

        var limit = http.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.MaxRequestBodyBytes;
        ProblemDetails? problem = error.Error switch
        {
            _ when error.Exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                   || error.Exception?.InnerException is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                => Problems.PayloadTooLarge(limit),
            ForwarderError.RequestTimedOut => Problems.GatewayTimeout(),
            ForwarderError.NoAvailableDestinations => Problems.BadGateway(StatusCodes.Status503ServiceUnavailable),
            ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled => null, // the partner went away
            ForwarderError.RequestBodyClient => new ProblemDetails
            {
                Type = ProblemTypes.MalformedBody, Title = "The request body could not be read", Status = StatusCodes.Status400BadRequest,
            },
            _ => Problems.BadGateway(),
        };
        if (problem is not null) await WriteAsync(http, problem);
    }

    private static async Task WriteAsync(HttpContext http, ProblemDetails problem)
    {
        http.Response.StatusCode = problem.Status!.Value;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}

/// <summary>Gives every cluster the configured timeout unless its own configuration sets one.</summary>
public sealed class ProxyTimeoutFilter(IOptions<GatewayOptions> options) : IProxyConfigFilter
{
    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel) =>
        ValueTask.FromResult(cluster.HttpRequest?.ActivityTimeout is not null
            ? cluster
            : cluster with { HttpRequest = (cluster.HttpRequest ?? new ForwarderRequestConfig()) with { ActivityTimeout = options.Value.ProxyTimeout } });

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel) =>
        ValueTask.FromResult(route);
}
