namespace Cooperation.Consoles;

/// <summary>
/// Where the gateway is (the console's only way to any service) and the console's own client
/// registration at the gateway's token server; the secret comes from the environment (infra/run).
/// </summary>
public sealed record ConsoleOptions(Uri Gateway, string ClientId, string ClientSecret)
{
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
        if (failures.Count > 0) throw new InvalidOperationException(string.Join("; ", failures));
        return new ConsoleOptions(new Uri(uri!.ToString().TrimEnd('/') + "/"), clientId, secret);
    }
}
