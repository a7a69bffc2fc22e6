using Microsoft.Extensions.Options;

namespace Cooperation.Gateway.Security;

/// <summary>How much the gateway lets through: body size, time, request rate, browser origins.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>Largest request body forwarded (bytes); larger ones get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How long a backend may stay silent before the partner gets 504 (clusters may set their own).</summary>
    public TimeSpan ProxyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>Browser origins allowed to call the API (CORS). Empty: no CORS headers at all.</summary>
    public List<string> CorsOrigins { get; set; } = [];
}

/// <summary>Fixed windows per client (from its token), or per address without a token.</summary>
public sealed class RateLimitOptions
{
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Requests per window for a client without its own Identity:Clients:N:RateLimit.</summary>
    public int PermitLimit { get; set; } = 600;
    /// <summary>Requests per window per address without a valid token (token requests included).</summary>
    public int AnonymousPermitLimit { get; set; } = 300;
}

public sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions o)
    {
        var failures = new List<string>();
        if (o.MaxRequestBodyBytes < 1024) failures.Add($"Gateway:MaxRequestBodyBytes must be at least 1024 (got {o.MaxRequestBodyBytes})");
        if (o.ProxyTimeout < TimeSpan.FromSeconds(1) || o.ProxyTimeout > TimeSpan.FromMinutes(10))
            failures.Add($"Gateway:ProxyTimeout must be between 00:00:01 and 00:10:00 (got {o.ProxyTimeout})");
        if (o.RateLimit.Window < TimeSpan.FromSeconds(1)) failures.Add("Gateway:RateLimit:Window must be at least 00:00:01");
        if (o.RateLimit.PermitLimit < 1) failures.Add("Gateway:RateLimit:PermitLimit must be at least 1");
        if (o.RateLimit.AnonymousPermitLimit < 1) failures.Add("Gateway:RateLimit:AnonymousPermitLimit must be at least 1");
        foreach (var origin in o.CorsOrigins.Where(x => !Uri.TryCreate(x, UriKind.Absolute, out var u) || u.AbsolutePath != "/" || x.EndsWith('/')))
            failures.Add($"Gateway:CorsOrigins has '{origin}', which is not an origin like https://desk.example.org");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
