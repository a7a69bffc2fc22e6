using System.Globalization;
using System.Threading.RateLimiting;
using Cooperation.ServiceDefaults.Auth;
using Cooperation.ServiceDefaults.Configuration;
using Cooperation.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cooperation.ServiceDefaults.Hosting;

/// <summary>
/// Each service's own request budget, for calls that bypass the gateway (which has its own, lower
/// per-client limits; a call through it arrives with the partner's token and counts against that
/// partner here too). Fixed windows per client id from a valid token, else per address; /health
/// has its own per-address budget, /alive none. Over budget: 429 ProblemDetails with Retry-After.
/// </summary>
public sealed class ServiceRateLimitOptions
{
    public const string Section = "RateLimit";

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Requests per window per client id (above the gateway's default of 600, so partners meet the gateway's limit first).</summary>
    public int PermitLimit { get; set; } = 3000;
    /// <summary>Requests per window per address without a valid token.</summary>
    public int AnonymousPermitLimit { get; set; } = 600;
}

public sealed class ServiceRateLimitOptionsValidator : IValidateOptions<ServiceRateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, ServiceRateLimitOptions o)
    {
        var failures = new List<string>();
        if (o.Window < TimeSpan.FromSeconds(1)) failures.Add("RateLimit:Window must be at least 00:00:01");
        if (o.PermitLimit < 1) failures.Add("RateLimit:PermitLimit must be at least 1");
        if (o.AnonymousPermitLimit < 1) failures.Add("RateLimit:AnonymousPermitLimit must be at least 1");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

internal static class ServiceRateLimits
{
    public static IHostApplicationBuilder AddServiceRateLimits(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<ServiceRateLimitOptions, ServiceRateLimitOptionsValidator>(ServiceRateLimitOptions.Section);
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<ServiceRateLimitOptions>>((limiter, options) =>
        {
            var limits = options.Value;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (http.Request.Path.StartsWithSegments("/alive")) return RateLimitPartition.GetNoLimiter("unlimited");
                var client = http.User.Identity?.IsAuthenticated == true ? Scopes.ClientId(http.User) : null;
                var (key, permits) = client is not null
                    ? ("client:" + client, limits.PermitLimit)
                    : ((http.Request.Path.StartsWithSegments("/health") ? "health:" : "address:") + http.Connection.RemoteIpAddress,
                        limits.AnonymousPermitLimit);
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = limits.Window,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : limits.Window;
                var seconds = (int)Math.Max(1, Math.Ceiling(wait.TotalSeconds));
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = Problems.Problems.RateLimited(TimeSpan.FromSeconds(seconds)),
                });
            };
        });
        return builder;
    }
}
