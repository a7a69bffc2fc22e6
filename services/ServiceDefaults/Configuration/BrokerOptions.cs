using Microsoft.Extensions.Options;

namespace Cooperation.ServiceDefaults.Configuration;

/// <summary>Where the RabbitMQ broker is and who this service is on it (each State has its own user).</summary>
public sealed class BrokerOptions
{
    public const string Section = "Broker";

    public string Host { get; set; } = "";
    public int Port { get; set; } = 5672;
    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "";
    public string Password { get; set; } = "";

    /// <summary>
    /// The nodes of a RabbitMQ cluster, "host:port" separated by commas (issue 12 §5, e.g.
    /// <c>Broker__Nodes=127.0.0.1:5680,127.0.0.1:5681,127.0.0.1:5682</c>): the service connects to the first that
    /// answers and fails over to the others. Empty: <see cref="Host"/> and <see cref="Port"/> only.
    /// </summary>
    public string Nodes { get; set; } = "";

    /// <summary>
    /// Every queue this service declares (its receive endpoints and their _error and _skipped queues) is a quorum queue,
    /// replicated over the cluster's nodes. Must match what the broker's definitions declare (a queue's type cannot change).
    /// </summary>
    public bool QuorumQueues { get; set; }

    internal IReadOnlyList<(string Host, ushort Port)> ClusterNodes =>
        Nodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.Split(':') is [var host, var port] && ushort.TryParse(port, out var p) ? (host, p) : (n, (ushort)0))
            .ToList();
}

internal sealed class BrokerOptionsValidator : IValidateOptions<BrokerOptions>
{
    public ValidateOptionsResult Validate(string? name, BrokerOptions o)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(o.Host)) failures.Add("Broker:Host is missing (set Broker__Host, e.g. 127.0.0.1)");
        if (o.Port is < 1 or > 65535) failures.Add($"Broker:Port must be between 1 and 65535 (got {o.Port})");
        if (string.IsNullOrWhiteSpace(o.VirtualHost)) failures.Add("Broker:VirtualHost is empty (use / for the default)");
        if (string.IsNullOrWhiteSpace(o.Username)) failures.Add("Broker:Username is missing (set Broker__Username to this service's own broker user)");
        if (string.IsNullOrEmpty(o.Password)) failures.Add("Broker:Password is missing (set Broker__Password; infra/run generates one per user)");
        foreach (var (host, port) in o.ClusterNodes)
            if (port == 0 || host.Length == 0)
                failures.Add($"Broker:Nodes must list host:port pairs separated by commas (got '{host}')");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
