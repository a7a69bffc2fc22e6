using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cooperation.ServiceDefaults.Hosting;

internal static class RequestLimits
{
    /// <summary>The gateway's default body limit; a service enforces it too, so a call that bypasses the gateway cannot send more.</summary>
    public const long DefaultMaxRequestBodySize = 1024 * 1024;

    /// <summary>
    /// Kestrel's limit (its own default is 30 MB) set to 1 MiB unless <c>Kestrel:Limits:MaxRequestBodySize</c>
    /// says otherwise; a larger body is answered 413 as ProblemDetails (ExceptionProblemHandler).
    /// </summary>
    public static IHostApplicationBuilder AddRequestBodyLimit(this IHostApplicationBuilder builder)
    {
        var limit = builder.Configuration.GetValue<long?>("Kestrel:Limits:MaxRequestBodySize") ?? DefaultMaxRequestBodySize;
        builder.Services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = limit);
        return builder;
    }
}
