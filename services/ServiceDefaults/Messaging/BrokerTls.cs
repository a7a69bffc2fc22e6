using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Cooperation.ServiceDefaults.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Cooperation.ServiceDefaults.Messaging;

/// <summary>
/// AMQPS to the broker (issue 13): TLS 1.2+ only, the broker's certificate checked against the configured CA (or the
/// machine's trust store) and its name against the host, and every refusal said plainly — in the log once per distinct
/// problem and in /health ("broker-tls") until a handshake succeeds — because a State's IT meets it first as "the node
/// does not connect". The bus and the error-queue tooling both connect through it.
/// </summary>
public sealed class BrokerTls(ILogger<BrokerTls> logger) : IHealthCheck
{
    public const string HealthCheckName = "broker-tls";
    public const SslProtocols Protocols = SslProtocols.Tls12 | SslProtocols.Tls13;

    private string? _problem;
    private string? _logged;

    /// <summary>The last handshake's refusal (null once a handshake succeeded or before any was tried).</summary>
    public string? Problem => Volatile.Read(ref _problem);

    /// <summary>The name the broker's certificate must carry.</summary>
    public static string ServerName(BrokerOptions broker) =>
        broker.Tls.ServerName.Length > 0 ? broker.Tls.ServerName : broker.Host;

    /// <summary>This service's client certificate (EXTERNAL login), or null for password login.</summary>
    public static X509Certificate2? ClientCertificate(BrokerOptions broker) =>
        broker.Tls.AuthenticatesWithCertificate ? X509Certificate2.CreateFromPemFile(broker.Tls.ClientCertificate, broker.Tls.ClientKey) : null;

    /// <summary>The validation callback for a connection to <paramref name="broker"/>.</summary>
    public RemoteCertificateValidationCallback Validator(BrokerOptions broker)
    {
        var ca = broker.Tls.CaCertificate.Length > 0 ? BrokerTlsOptions.LoadCa(broker.Tls.CaCertificate) : null;
        return (_, certificate, chain, errors) =>
        {
            var problem = Check(broker, ca, certificate as X509Certificate2 ?? (certificate is null ? null : X509CertificateLoader.LoadCertificate(certificate.GetRawCertData())), chain, errors);
            Report(problem);
            return problem is null;
        };
    }

    /// <summary>The same TLS settings for a raw RabbitMQ.Client connection (the error-queue tooling).</summary>
    public void Apply(RabbitMQ.Client.ConnectionFactory factory, BrokerOptions broker)
    {
        if (!broker.Tls.Enabled) return;
        factory.Ssl = new RabbitMQ.Client.SslOption
        {
            Enabled = true,
            ServerName = ServerName(broker),
            Version = Protocols,
            CertificateValidationCallback = Validator(broker),
        };
        if (ClientCertificate(broker) is { } certificate)
        {
            factory.Ssl.Certs = new X509CertificateCollection { certificate };
            factory.AuthMechanisms = [new RabbitMQ.Client.ExternalMechanismFactory()];
        }
    }

    private static string? Check(BrokerOptions broker, X509Certificate2Collection? ca, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
            return "the broker presented no certificate";
        var who = $"the broker's certificate ({certificate.Subject}, issued by {certificate.Issuer})";
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
            return $"{who} is not for '{ServerName(broker)}' (Broker:Host, or Broker:Tls:ServerName)";
        var now = DateTime.Now;
        if (certificate.NotAfter < now) return $"{who} expired on {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm} UTC";
        if (certificate.NotBefore > now) return $"{who} is not valid before {certificate.NotBefore.ToUniversalTime():yyyy-MM-dd HH:mm} UTC";
        if (ca is null)
            return errors == SslPolicyErrors.None ? null : $"{who} is not trusted by this machine ({Describe(chain)}); set Broker:Tls:CaCertificate to the Court's CA";
        // The Court's own CA: the chain is built again with it as the only root (revocation not checked, as SslStream's default).
        using var own = new X509Chain();
        own.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        own.ChainPolicy.CustomTrustStore.AddRange(ca);
        own.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
            foreach (var element in chain.ChainElements.Skip(1)) own.ChainPolicy.ExtraStore.Add(element.Certificate);
        if (own.Build(certificate)) return null;
        return $"{who} was not issued by the CA in Broker:Tls:CaCertificate ({broker.Tls.CaCertificate}: {Describe(own)})";
    }

    private static string Describe(X509Chain? chain) =>
        chain is null || chain.ChainStatus.Length == 0
            ? "no chain"
            : string.Join("; ", chain.ChainStatus.Select(s => s.Status.ToString()).Distinct());

    private void Report(string? problem)
    {
        Volatile.Write(ref _problem, problem);
        if (problem is null) { _logged = null; return; }
        if (problem == Interlocked.Exchange(ref _logged, problem)) return; // reconnect attempts repeat it: said once
        logger.LogError("Broker TLS connection refused: {Problem}", problem);
    }

    Task<HealthCheckResult> IHealthCheck.CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken) =>
        Task.FromResult(Problem is { } problem ? HealthCheckResult.Unhealthy(problem) : HealthCheckResult.Healthy());
}
