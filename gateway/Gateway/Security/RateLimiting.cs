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
/// Over budget: 429 ProblemDetails with Retry-After. /alive is not limited; anonymous /health has its own budget.
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
                // Liveness is a constant answer and is not limited; token requests have their own budgets
                // (UseTokenRequestLimit). Anonymous /health has a budget of its own per address, so probing
                // it cannot use up the address's budget for the API (and it is cached: BackendHealth).
                if (http.Request.Path.StartsWithSegments("/alive") || http.Request.Path.StartsWithSegments(TokenRequestChecks.TokenPath))
                    return RateLimitPartition.GetNoLimiter("unlimited");
                var client = http.User.Identity?.IsAuthenticated == true ? Scopes.ClientId(http.User) : null;
                var (key, permits) = client is not null
                    ? ("client:" + client, perClient.GetValueOrDefault(client, limits.PermitLimit))
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
            limiter.OnRejected = (context, _) => new ValueTask(RejectAsync(context.HttpContext, context.Lease, limits.Window));
        });
        return services;
    }

    /// <summary>
    /// Token requests are answered inside UseAuthentication (OpenIddict), before the global limiter
    /// runs, so they have their own budgets here (<see cref="TokenRequestLimiter"/>): failures per
    /// client id and address, failures per address for client ids never seen succeeding from it,
    /// and each known client's own allowance.
    /// </summary>
    public static IApplicationBuilder UseTokenRequestLimit(this IApplicationBuilder app)
    {
        var gateway = app.ApplicationServices.GetRequiredService<IOptions<GatewayOptions>>().Value;
        var identity = app.ApplicationServices.GetRequiredService<IOptions<IdentityOptions>>().Value;
        var limiter = new TokenRequestLimiter(gateway.RateLimit, identity.Clients
            .ToDictionary(c => c.ClientId, c => c.RateLimit ?? gateway.RateLimit.PermitLimit, StringComparer.Ordinal));
        app.ApplicationServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(limiter.Dispose);
        return app.Use(async (http, next) =>
        {
            if (!http.Request.Path.StartsWithSegments(TokenRequestChecks.TokenPath))
            {
                await next(http);
                return;
            }
            var form = await TokenRequestChecks.ReadFormAsync(http.Request);
            var attempt = limiter.Begin(TokenRequestLimiter.ClientIdOf(http.Request, form), http.Connection.RemoteIpAddress);
            if (attempt.Refusal is { } refusal)
            {
                using (refusal) await RejectAsync(http, refusal, gateway.RateLimit.Window);
                return;
            }
            await next(http);
            limiter.End(attempt, succeeded: http.Response.StatusCode == StatusCodes.Status200OK);
        });
    }

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
}
