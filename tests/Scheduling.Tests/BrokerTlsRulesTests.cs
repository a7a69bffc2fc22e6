using Cooperation.ServiceDefaults.Configuration;

namespace Cooperation.Scheduling.Tests;

/// <summary>Issue 13: which broker settings start a service — plain AMQP on loopback only, TLS settings that name themselves.</summary>
public sealed class BrokerTlsRulesTests
{
    private static BrokerOptions Options(string host, Action<BrokerOptions>? change = null)
    {
        var o = new BrokerOptions { Host = host, Username = "state-uga", Password = "secret" };
        change?.Invoke(o);
        return o;
    }

    private static IReadOnlyList<string> Failures(BrokerOptions o) =>
        new BrokerOptionsValidator().Validate(null, o).Failures?.ToList() ?? [];

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("::1")]
    public void Plain_AMQP_to_a_broker_on_this_machine_is_allowed(string host) => Assert.Empty(Failures(Options(host)));

    [Fact]
    public void Plain_AMQP_to_a_broker_beyond_loopback_is_refused_naming_the_setting()
    {
        var failure = Assert.Single(Failures(Options("broker.icc-cpi.int")));
        Assert.StartsWith("Broker:Tls:Enabled must be true: the broker at broker.icc-cpi.int", failure);
    }

    [Fact]
    public void A_cluster_node_beyond_loopback_needs_TLS_too() =>
        Assert.Contains(Failures(Options("127.0.0.1", o => o.Nodes = "127.0.0.1:5680,rabbit-2.icc-cpi.int:5672")),
            f => f.Contains("the broker at rabbit-2.icc-cpi.int"));

    [Fact]
    public void Plain_AMQP_beyond_loopback_passes_only_when_said_on_purpose() =>
        Assert.Empty(Failures(Options("rabbitmq", o => o.AllowPlainText = true)));

    [Fact]
    public void TLS_to_a_remote_broker_with_the_machines_trust_store_is_allowed() =>
        Assert.Empty(Failures(Options("broker.icc-cpi.int", o => o.Tls.Enabled = true)));

    [Fact]
    public void A_missing_CA_file_is_refused_naming_the_setting_and_the_path()
    {
        var failure = Assert.Single(Failures(Options("broker.icc-cpi.int", o =>
        {
            o.Tls.Enabled = true;
            o.Tls.CaCertificate = "/nonexistent/court-ca.pem";
        })));
        Assert.StartsWith("Broker:Tls:CaCertificate: no file at /nonexistent/court-ca.pem", failure);
    }

    [Fact]
    public void A_client_certificate_without_its_key_is_refused_and_the_password_is_still_required()
    {
        var failures = Failures(Options("broker.icc-cpi.int", o =>
        {
            o.Password = "";
            o.Tls.Enabled = true;
            o.Tls.ClientCertificate = "/etc/cooperation/state-uga.pem";
        }));
        Assert.Contains(failures, f => f.StartsWith("Broker:Tls:ClientCertificate and Broker:Tls:ClientKey go together", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Broker:Password is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void A_client_certificate_without_TLS_is_refused() =>
        Assert.Contains(Failures(Options("127.0.0.1", o => o.Tls.ClientCertificate = "/etc/cooperation/state-uga.pem")),
            f => f.StartsWith("Broker:Tls:ClientCertificate needs Broker:Tls:Enabled=true", StringComparison.Ordinal));
}
