using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Platform;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Cooperation.EndToEnd.Tests.Deployment;

/// <summary>
/// Issue 13: a State's node refuses a broker it cannot trust — a certificate its CA did not issue, an expired one, one
/// for another name — and says which in its log and in /health; plain AMQP beyond loopback and a certificate of another
/// State stop it at start-up, naming the setting; another State's certificate logs in as that State, never as this one.
/// </summary>
public sealed class BrokerTlsRefusalTests
{
    [Fact]
    public async Task A_state_node_refuses_a_broker_certificate_its_configured_CA_did_not_issue_and_names_the_problem()
    {
        await using var node = StartNode("state-untrusted-broker", new()
        {
            ["Broker__Tls__CaCertificate"] = TestCertificates.File("untrusted-ca.pem"),
        });
        var problem = await RefusalAsync(node);
        Assert.Contains("was not issued by the CA in Broker:Tls:CaCertificate", problem);
        Assert.Contains("UntrustedRoot", problem);
    }

    [Fact]
    public async Task A_state_node_refuses_a_broker_certificate_for_another_name_and_names_the_problem()
    {
        await using var node = StartNode("state-wrong-broker-name", new() { ["Broker__Tls__ServerName"] = "broker.icc-cpi.int" });
        var problem = await RefusalAsync(node);
        Assert.Contains("is not for 'broker.icc-cpi.int'", problem);
    }

    /// <summary>
    /// The broker's certificate expired: presented by a TLS endpoint of the test's own (one RabbitMQ node has one server
    /// certificate, and a second node for this alone would cost the suite a broker start). The node never gets past
    /// the handshake, which is all this checks.
    /// </summary>
    [Fact]
    public async Task A_state_node_refuses_a_broker_whose_certificate_has_expired_and_names_the_problem()
    {
        using var certificate = X509Certificate2.CreateFromPemFile(TestCertificates.File("expired.pem"), TestCertificates.File("expired.key"));
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var stop = new CancellationTokenSource();
        var serving = ServeTlsAsync(listener, certificate, stop.Token);
        try
        {
            await using var node = StartNode("state-expired-broker", new()
            {
                ["Broker__Port"] = ((IPEndPoint)listener.LocalEndpoint).Port.ToString(),
            });
            var problem = await RefusalAsync(node);
            Assert.Contains("expired on 2024-02-01 00:00 UTC", problem);
        }
        finally
        {
            stop.Cancel();
            listener.Stop();
            await serving;
        }
    }

    [Fact]
    public async Task A_state_node_with_plain_AMQP_to_a_broker_beyond_loopback_refuses_to_start_and_names_the_setting()
    {
        await using var node = StartNode("state-plain-remote", new()
        {
            ["Broker__Host"] = "broker.icc-cpi.int",
            ["Broker__Port"] = "5672",
            ["Broker__Tls__Enabled"] = "false",
        });
        var exitCode = await node.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.True(exitCode == 2, $"exit code {exitCode}:\n{node.Output}");
        Assert.Contains("Broker:Tls:Enabled must be true: the broker at broker.icc-cpi.int is not on this machine", node.Output);
        Assert.DoesNotContain("   at ", node.Output);
    }

    [Fact]
    public async Task A_state_node_given_another_states_client_certificate_refuses_to_start_and_names_the_setting()
    {
        await using var node = StartNode("state-uga-with-zaf-certificate", new()
        {
            ["Broker__Tls__ClientCertificate"] = TestCertificates.File("state-zaf.pem"),
            ["Broker__Tls__ClientKey"] = TestCertificates.File("state-zaf.key"),
            ["Broker__Password"] = "",
        });
        var exitCode = await node.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.True(exitCode == 2, $"exit code {exitCode}:\n{node.Output}");
        Assert.Contains("Broker:Tls:ClientCertificate is for 'state-zaf', not Broker:Username 'state-uga'", node.Output);
    }

    [Fact]
    public async Task Another_states_client_certificate_logs_in_as_that_state_and_cannot_read_or_write_for_this_one()
    {
        var env = TestEnvironment.Current;
        var factory = new ConnectionFactory
        {
            HostName = "localhost",
            Port = env.BrokerTlsPort,
            AuthMechanisms = [new ExternalMechanismFactory()],
            Ssl = new SslOption
            {
                Enabled = true,
                ServerName = "localhost",
                Version = System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13,
                Certs = [X509Certificate2.CreateFromPemFile(TestCertificates.File("state-zaf.pem"), TestCertificates.File("state-zaf.key"))],
                CertificateValidationCallback = (_, certificate, _, errors) => TestCertificates.Trusted(certificate, errors),
            },
        };
        // Uganda's vhost, where its queue and its exchanges to the Court live: South Africa's certificate may not even
        // open it (issue 12: each State's user has permissions in its own vhost only).
        // (The client may report the connection opened before the broker's close arrives: wait for that close.)
        factory.VirtualHost = "state-uga";
        string? refusal = null;
        try
        {
            await using var intruder = await factory.CreateConnectionAsync("zaf-certificate-in-ugandas-vhost");
            for (var waited = 0; waited < 100 && intruder.IsOpen; waited++) await Task.Delay(100);
            refusal = intruder.CloseReason?.ReplyText;
        }
        catch (Exception e)
        {
            refusal = e.ToString();
        }
        Assert.True(refusal is not null, "South Africa's certificate stayed connected to Uganda's vhost for 10 s");
        Assert.Contains("access to vhost 'state-uga' refused for user 'state-zaf'", refusal);
        // In its own vhost, a queue named like Uganda's is refused by South Africa's permissions, as any name not its own.
        factory.VirtualHost = "state-zaf";
        await using var connection = await factory.CreateConnectionAsync("zaf-certificate-as-uganda");
        await using (var channel = await connection.CreateChannelAsync())
        {
            var notYours = await Assert.ThrowsAsync<OperationInterruptedException>(() =>
                channel.BasicConsumeAsync("state-uga", autoAck: false, new AsyncEventingBasicConsumer(channel)));
            Assert.Equal((ushort)403, notYours.ShutdownReason?.ReplyCode);
        }
        // ... and its connection is South Africa's, as the broker sees it.
        using var http = Resilience.ResiliencePlatform.Management();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        JsonObject? seen = null;
        while (seen is null && DateTime.UtcNow < deadline)
        {
            seen = JsonNode.Parse(await http.GetStringAsync("/api/connections"))!.AsArray().Select(c => c!.AsObject())
                .FirstOrDefault(c => (string?)c["client_properties"]?["connection_name"] == "zaf-certificate-as-uganda");
            if (seen is null) await Task.Delay(500);
        }
        Assert.NotNull(seen);
        Assert.Equal("state-zaf", (string)seen["user"]!);
        Assert.Equal("EXTERNAL", (string)seen["auth_mechanism"]!);
    }

    /// <summary>Uganda's node on the test broker's AMQPS listener as "localhost", trusting the run's CA, plus <paramref name="overrides"/>.</summary>
    private static ServiceProcess StartNode(string name, Dictionary<string, string> overrides)
    {
        var env = TestEnvironment.Current;
        var data = Directory.CreateTempSubdirectory("coop-tls-").FullName;
        var settings = new Dictionary<string, string>
        {
            ["Broker__Host"] = "localhost",
            ["Broker__Port"] = env.BrokerTlsPort.ToString(),
            ["Broker__Username"] = "state-uga",
            ["Broker__Password"] = env.BrokerPassword("state-uga"),
            ["Broker__VirtualHost"] = "state-uga", // a State's own vhost (issue 12): its user has none on "/"
            ["Broker__Tls__Enabled"] = "true",
            ["Broker__Tls__CaCertificate"] = TestCertificates.File("ca.pem"),
            ["Database__Provider"] = "Sqlite",
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(data, "state.db")}",
            ["State__Code"] = "UGA",
            ["Register__States"] = "UGA",
            ["Auth__Authority"] = "http://127.0.0.1:9/",
        };
        foreach (var (key, value) in overrides) settings[key] = value;
        return ServiceProcess.Start(name, env.ServiceDll("services/State", "Cooperation.State"), ServiceProcess.FreePort(), settings);
    }

    /// <summary>Waits until /health names the refused handshake; checks the node is unhealthy and logged the same.</summary>
    private static async Task<string> RefusalAsync(ServiceProcess node)
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(3) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(node.HasExited, $"{node.Name} exited:\n{node.Output}");
            try
            {
                using var response = await http.GetAsync("/health");
                last = await response.Content.ReadAsStringAsync();
                if (JsonNode.Parse(last)?["brokerTls"]?.GetValue<string>() is { } problem)
                {
                    Assert.False(response.IsSuccessStatusCode, $"healthy although the broker was refused: {last}");
                    Assert.Equal("Disconnected", (string?)JsonNode.Parse(last)!["broker"]);
                    Assert.Contains($"Broker TLS connection refused: {problem}", node.Output);
                    return problem;
                }
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{node.Name}: /health never named a refused TLS handshake (last: {last}):\n{node.Output}");
    }

    /// <summary>Accepts connections and offers <paramref name="certificate"/> until stopped; the node's refusal ends each handshake.</summary>
    private static async Task ServeTlsAsync(TcpListener listener, X509Certificate2 certificate, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(stop); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            _ = Task.Run(async () =>
            {
                using (client)
                await using (var tls = new SslStream(client.GetStream()))
                {
                    try { await tls.AuthenticateAsServerAsync(certificate); }
                    catch (Exception e) when (e is System.Security.Authentication.AuthenticationException or IOException) { }
                }
            }, CancellationToken.None);
        }
    }
}
