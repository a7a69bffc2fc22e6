using System.Globalization;
using System.Threading.RateLimiting;
using Cooperation.Gateway.Identity;
using Cooperation.ServiceDefaults.Auth;
using Cooperation.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Cooperation.Gateway.Security;

/// <summary>
/// Per-client request budget: the client id from a valid token, else the caller's address. The
/// caller is identified before the limiter runs, so token requests and refused calls count too.
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
                if (IsProbe(http.Request.Path)) return RateLimitPartition.GetNoLimiter("probe");
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
            limiter.OnRejected = async (context, ct) =>
            {
                TimeSpan? wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : null;
                var seconds = (int)Math.Max(1, Math.Ceiling((wait ?? limits.Window).TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = Problems.RateLimited(TimeSpan.FromSeconds(seconds)),
                });
            };
        });
        return services;
    }

    /// <summary>Who is calling, before the limiter decides; UseAuthentication later does the same for authorization.</summary>
    public static IApplicationBuilder UseCallerIdentification(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (http.Request.Headers.Authorization.Count > 0)
            {
                var result = await http.AuthenticateAsync();
                if (result.Succeeded) http.User = result.Principal;
            }
            await next(http);
        });

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/alive");
}
