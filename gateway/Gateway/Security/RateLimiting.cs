using System.Globalization;
using System.Threading.RateLimiting;
using Cooperation.Gateway.Identity;
using Cooperation.ServiceDefaults.Auth;
using Cooperation.ServiceDefaults.Problems;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Cooperation.Gateway.Security;

/// <summary>
/// Per-client request budget: the client id from a valid token, else the caller's address. The
/// limiter runs after authentication and before authorization, so refused calls count too.
/// Over budget: 429 ProblemDetails with Retry-After. Probes (/health, /alive) are not limited.
/// </summary>
public static class RateLimiting
{
    public static IServiceCollection AddGatewayRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<GatewayOptions>, IOptions<IdentityOptions>>((limiter, gateway, identity) =>
        {
            var limits = gateway.Value.RateLimit;
            var perClient = identity.Value.Clients
                .Where(c => c.RateLimit is not null)
                .ToDictionary(c => c.ClientId, c => c.RateLimit!.Value, StringComparer.Ordinal);

            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                // Probes are not limited; token requests have their own budget (UseTokenRequestLimit).
                if (IsProbe(http.Request.Path) || http.Request.Path.StartsWithSegments(TokenPath))
                    return RateLimitPartition.GetNoLimiter("unlimited");
                var client = http.User.Identity?.IsAuthenticated == true ? Scopes.ClientId(http.User) : null;
                var (key, permits) = client is not null
                    ? ("client:" + client, perClient.GetValueOrDefault(client, limits.PermitLimit))
                    : ("address:" + http.Connection.RemoteIpAddress, limits.AnonymousPermitLimit);
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = limits.Window,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) => new ValueTask(RejectAsync(context.HttpContext, context.Lease, limits.Window));
        });
        return services;
    }

    /// <summary>
    /// Token requests are answered inside UseAuthentication (OpenIddict), before the global limiter
    /// runs, so they get their own budget per address here: guessing secrets is slow too.
    /// </summary>
    public static IApplicationBuilder UseTokenRequestLimit(this IApplicationBuilder app)
    {
        var limits = app.ApplicationServices.GetRequiredService<IOptions<GatewayOptions>>().Value.RateLimit;
        var limiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            RateLimitPartition.GetFixedWindowLimiter("address:" + http.Connection.RemoteIpAddress, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limits.AnonymousPermitLimit,
                Window = limits.Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
        return app.Use(async (http, next) =>
        {
            if (!http.Request.Path.StartsWithSegments(TokenPath))
            {
                await next(http);
                return;
            }
            using var lease = limiter.AttemptAcquire(http);
            if (lease.IsAcquired) await next(http);
            else await RejectAsync(http, lease, limits.Window);
        });
    }

    private const string TokenPath = "/connect/token";

    private static async Task RejectAsync(HttpContext http, RateLimitLease lease, TimeSpan window)
    {
        TimeSpan? wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : null;
        var seconds = (int)Math.Max(1, Math.Ceiling((wait ?? window).TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = Problems.RateLimited(TimeSpan.FromSeconds(seconds)),
        });
    }

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/alive");
}
