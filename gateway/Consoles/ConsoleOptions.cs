namespace Cooperation.Consoles;

/// <summary>
/// Where the gateway is (the console's only way to any service) and the console's own client
/// registration at the gateway's token server; the secret comes from the environment (infra/run).
/// </summary>
public sealed record ConsoleOptions(Uri Gateway, string ClientId, string ClientSecret)
{
    /// <summary>
    /// Where the gateway in front may be, whose X-Forwarded-Proto/-Host/-For say how the browser reached the console
    /// (the sign-in redirect URI is built from them): <c>Console:TrustedProxies</c>, addresses or networks separated by
    /// commas (e.g. the cluster's pod network). Empty: loopback only, as ASP.NET Core's default (infra/run, the tests).
    /// </summary>
    public IReadOnlyList<System.Net.IPNetwork> TrustedProxies { get; init; } = [];

    /// <summary>The gateway routes /console/** here; the path stays as the browser sees it.</summary>
    public const string PathBase = "/console";

    public static ConsoleOptions Read(IConfiguration configuration)
    {
        var failures = new List<string>();
        var gateway = configuration["Console:Gateway"];
        if (!Uri.TryCreate(gateway, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            failures.Add("Console:Gateway is missing or not an http(s) URL (set Console__Gateway to the gateway's address)");
        var clientId = configuration["Console:ClientId"] ?? "console";
        var secret = configuration["Console:ClientSecret"] ?? "";
        if (secret.Length < 16) failures.Add("Console:ClientSecret must be at least 16 characters (infra/run generates one)");
        var proxies = new List<System.Net.IPNetwork>();
        foreach (var proxy in (configuration["Console:TrustedProxies"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (System.Net.IPNetwork.TryParse(proxy, out var network)) proxies.Add(network);
            else if (System.Net.IPAddress.TryParse(proxy, out var address)) proxies.Add(new System.Net.IPNetwork(address, address.GetAddressBytes().Length * 8));
            else failures.Add($"Console:TrustedProxies has '{proxy}', which is neither an IP address nor a network like 10.0.0.0/8");
        }
        if (failures.Count > 0) throw new InvalidOperationException(string.Join("; ", failures));
        return new ConsoleOptions(new Uri(uri!.ToString().TrimEnd('/') + "/"), clientId, secret) { TrustedProxies = proxies };
    }
}
