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

    /// <summary>AMQPS (issue 13): a node outside the Court reaches the broker over TLS only.</summary>
    public BrokerTlsOptions Tls { get; set; } = new();

    /// <summary>
    /// True if plain AMQP may go to a broker that is not on loopback (a private network only, e.g. the single-host
    /// compose network). Otherwise a non-loopback <see cref="Host"/> or node needs <see cref="BrokerTlsOptions.Enabled"/>.
    /// </summary>
    public bool AllowPlainText { get; set; }

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
        if (string.IsNullOrEmpty(o.Password) && !o.Tls.AuthenticatesWithCertificate) failures.Add("Broker:Password is missing (set Broker__Password; infra/run generates one per user)");
        foreach (var (host, port) in o.ClusterNodes)
            if (port == 0 || host.Length == 0)
                failures.Add($"Broker:Nodes must list host:port pairs separated by commas (got '{host}')");
        BrokerTlsOptions.Validate(o, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>
/// TLS to the broker (AMQPS, issue 13): TLS 1.2 or 1.3, the broker's certificate verified against <see cref="CaCertificate"/>
/// (or this machine's trust store) and its name against <see cref="ServerName"/> (default: the host connected to).
/// With <see cref="ClientCertificate"/>, the service authenticates with its X.509 certificate (RabbitMQ's EXTERNAL
/// mechanism, rabbitmq_auth_mechanism_ssl): the certificate's common name is its broker user, and no password is sent.
/// </summary>
public sealed class BrokerTlsOptions
{
    public bool Enabled { get; set; }

    /// <summary>PEM file of the CA that issued the broker's certificate; empty: the machine's trust store.</summary>
    public string CaCertificate { get; set; } = "";

    /// <summary>The name the broker's certificate must carry; empty: <see cref="BrokerOptions.Host"/>.</summary>
    public string ServerName { get; set; } = "";

    /// <summary>PEM file of this service's client certificate (its common name = Broker:Username); empty: password login.</summary>
    public string ClientCertificate { get; set; } = "";

    /// <summary>PEM file of <see cref="ClientCertificate"/>'s private key (unencrypted, readable by this service only).</summary>
    public string ClientKey { get; set; } = "";

    internal bool AuthenticatesWithCertificate => Enabled && ClientCertificate.Length > 0 && ClientKey.Length > 0;

    internal static void Validate(BrokerOptions o, List<string> failures)
    {
        var tls = o.Tls;
        if (!tls.Enabled)
        {
            if (o.AllowPlainText) return;
            var remote = o.ClusterNodes.Select(n => n.Host).Prepend(o.Host).Where(h => h.Length > 0 && !IsLoopback(h)).ToList();
            if (remote.Count > 0)
                failures.Add($"Broker:Tls:Enabled must be true: the broker at {string.Join(", ", remote.Distinct())} is not on this machine " +
                             "and plain AMQP is refused beyond loopback (set Broker__Tls__Enabled=true and Broker__Port to the broker's AMQPS port, " +
                             "usually 5671; Broker:AllowPlainText=true only on a private network)");
            if (tls.ClientCertificate.Length > 0)
                failures.Add("Broker:Tls:ClientCertificate needs Broker:Tls:Enabled=true (a client certificate is presented over TLS only)");
            return;
        }
        if (tls.CaCertificate.Length > 0)
        {
            if (!File.Exists(tls.CaCertificate))
                failures.Add($"Broker:Tls:CaCertificate: no file at {tls.CaCertificate} (the PEM file of the CA that issued the broker's certificate)");
            else if (LoadCa(tls.CaCertificate) is null)
                failures.Add($"Broker:Tls:CaCertificate: {tls.CaCertificate} holds no PEM certificate");
        }
        if (tls.ClientCertificate.Length > 0 || tls.ClientKey.Length > 0)
        {
            if (tls.ClientCertificate.Length == 0 || tls.ClientKey.Length == 0)
                failures.Add("Broker:Tls:ClientCertificate and Broker:Tls:ClientKey go together (PEM files of the certificate and of its key)");
            else if (!File.Exists(tls.ClientCertificate))
                failures.Add($"Broker:Tls:ClientCertificate: no file at {tls.ClientCertificate}");
            else if (!File.Exists(tls.ClientKey))
                failures.Add($"Broker:Tls:ClientKey: no file at {tls.ClientKey}");
            else
            {
                try
                {
                    using var certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPemFile(tls.ClientCertificate, tls.ClientKey);
                    var cn = certificate.GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, forIssuer: false);
                    if (!string.Equals(cn, o.Username, StringComparison.Ordinal))
                        failures.Add($"Broker:Tls:ClientCertificate is for '{cn}', not Broker:Username '{o.Username}' (the broker takes the user from the certificate's common name)");
                    if (certificate.NotAfter < DateTime.Now)
                        failures.Add($"Broker:Tls:ClientCertificate expired on {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm} UTC");
                }
                catch (System.Security.Cryptography.CryptographicException e)
                {
                    failures.Add($"Broker:Tls:ClientCertificate / Broker:Tls:ClientKey cannot be read as a PEM certificate and its key ({e.Message})");
                }
            }
        }
    }

    /// <summary>The CA certificate(s) of a PEM file (a bundle may hold several); null if it holds none.</summary>
    internal static System.Security.Cryptography.X509Certificates.X509Certificate2Collection? LoadCa(string path)
    {
        var certificates = new System.Security.Cryptography.X509Certificates.X509Certificate2Collection();
        try { certificates.ImportFromPemFile(path); }
        catch (System.Security.Cryptography.CryptographicException) { return null; }
        return certificates.Count == 0 ? null : certificates;
    }

    internal static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (System.Net.IPAddress.TryParse(host, out var ip) && System.Net.IPAddress.IsLoopback(ip));
}
