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

    /// <summary>
    /// Addresses of reverse proxies in front of the gateway whose X-Forwarded-For/-Proto are believed.
    /// Empty (the default): those headers are ignored, so a caller cannot pick the address it is limited by.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>
    /// Hosts of State nodes on the Court's own private network (the compose network, the cluster's hosted nodes) that
    /// the gateway may reach over plain http. Any other State node beyond loopback is reached over https only
    /// (issue 13; <see cref="StateNodeDestinationsValidator"/>). Empty (the default): loopback only.
    /// </summary>
    public List<string> AllowHttpStateHosts { get; set; } = [];
}

/// <summary>Fixed windows per client (from its token), or per address without a token.</summary>
public sealed class RateLimitOptions
{
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Requests per window for a client without its own Identity:Clients:N:RateLimit.</summary>
    public int PermitLimit { get; set; } = 600;
    /// <summary>Requests per window per address without a valid token (anonymous /health has its own budget of the same size).</summary>
    public int AnonymousPermitLimit { get; set; } = 300;
    /// <summary>Failed token requests per window for one client id from one address; then that pair gets 429.</summary>
    public int TokenFailuresPerClient { get; set; } = 10;
    /// <summary>
    /// Failed token requests per window from one address, all client ids together; then that address gets
    /// 429 for every client id that has not obtained a token from it before (those keep their own allowance).
    /// </summary>
    public int TokenFailuresPerAddress { get; set; } = 100;
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
        if (o.RateLimit.TokenFailuresPerClient < 1) failures.Add("Gateway:RateLimit:TokenFailuresPerClient must be at least 1");
        if (o.RateLimit.TokenFailuresPerAddress < 1) failures.Add("Gateway:RateLimit:TokenFailuresPerAddress must be at least 1");
        foreach (var proxy in o.KnownProxies.Where(p => !System.Net.IPAddress.TryParse(p, out _)))
            failures.Add($"Gateway:KnownProxies has '{proxy}', which is not an IP address");
        foreach (var origin in o.CorsOrigins.Where(x => !Uri.TryCreate(x, UriKind.Absolute, out var u) || u.AbsolutePath != "/" || x.EndsWith('/')))
            failures.Add($"Gateway:CorsOrigins has '{origin}', which is not an origin like https://desk.example.org");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
