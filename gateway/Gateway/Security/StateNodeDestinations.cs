using Microsoft.Extensions.Options;

namespace Cooperation.Gateway.Security;

/// <summary>
/// Issue 13: a State runs its node in its own capital and the gateway reaches it across the internet, so a State
/// node's destination (a cluster named <c>state-XXX</c>, or one a <c>/states/...</c> route leads to) is https unless it
/// is on this machine (loopback: <c>infra/run</c>, the tests) or <see cref="GatewayOptions.AllowHttpStateHosts"/> names
/// its host as on the Court's private network. Checked at start-up: a plain-http State destination elsewhere stops
/// the gateway (exit code 2) naming the setting, before a partner's request could travel in clear text.
/// </summary>
internal sealed class StateNodeDestinationsValidator(IConfiguration configuration) : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions o)
    {
        var proxy = configuration.GetSection("ReverseProxy");
        var stateClusters = proxy.GetSection("Routes").GetChildren()
            .Where(r => r["Match:Path"]?.StartsWith("/states/", StringComparison.OrdinalIgnoreCase) == true)
            .Select(r => r["ClusterId"]).OfType<string>()
            .Concat(proxy.GetSection("Clusters").GetChildren().Select(c => c.Key).Where(k => k.StartsWith("state-", StringComparison.OrdinalIgnoreCase)))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        var privateHosts = o.AllowHttpStateHosts.Select(h => h.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var failures = new List<string>();
        foreach (var cluster in stateClusters)
        foreach (var destination in proxy.GetSection($"Clusters:{cluster}:Destinations").GetChildren())
        {
            if (!Uri.TryCreate(destination["Address"], UriKind.Absolute, out var address)
                || address.Scheme != Uri.UriSchemeHttp || address.IsLoopback || privateHosts.Contains(address.Host)) continue;
            failures.Add($"ReverseProxy:Clusters:{cluster}:Destinations:{destination.Key}:Address is plain http to {address.Host}, " +
                         "which is not on this machine: a State's node is reached over https only " +
                         $"(https://{address.Authority}/; Gateway:AllowHttpStateHosts names hosts on the Court's private network)");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
