using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Platform;
using Cooperation.EndToEnd.Tests.Resilience;

namespace Cooperation.EndToEnd.Tests.Deployment;

/// <summary>
/// Issue 13, a State's node outside the Court: every service of a platform reaches the test broker over AMQPS only (its
/// TLS listener, the run's certificates) and partners reach the gateway over HTTPS only, whose https issuer every service
/// checks tokens against. Uganda's node logs in with its X.509 client certificate (EXTERNAL, no password), South Africa's
/// with its password over TLS. An arrest request goes the whole way: transmitted, Delivered, acknowledged, Acknowledged.
/// It runs in a private virtual host (<see cref="ResiliencePlatform"/>), always on PostgreSQL (trait Database=Postgres).
/// </summary>
[Collection(ResilienceCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class StateOutsideCourtTests : IAsyncLifetime
{
    private readonly ResiliencePlatform _platform = new(instances: 1)
    {
        Https = true,
        BrokerSettings = user =>
        {
            var settings = new Dictionary<string, string>
            {
                // "localhost", the name on the broker's certificate: the host name is checked.
                ["Broker__Host"] = "localhost",
                ["Broker__Port"] = TestEnvironment.Current.BrokerTlsPort.ToString(),
                ["Broker__Tls__Enabled"] = "true",
                ["Broker__Tls__CaCertificate"] = TestCertificates.File("ca.pem"),
            };
            if (user == "state-uga")
            {
                settings["Broker__Tls__ClientCertificate"] = TestCertificates.File("state-uga.pem");
                settings["Broker__Tls__ClientKey"] = TestCertificates.File("state-uga.key");
                settings["Broker__Password"] = "";
            }
            return settings;
        },
    };

    public Task InitializeAsync() => _platform.StartAsync();

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    [Fact]
    public async Task A_state_node_over_AMQPS_receives_an_arrest_request_that_partners_drive_over_HTTPS_to_Acknowledged()
    {
        var flow = new PartnerLoad.Flow(1, "registry", "UGA", WithAlert: false);
        await new PartnerLoad(_platform, TimeSpan.FromSeconds(60)).RunAsync(flow);
        Assert.True(flow.Acknowledged);

        // The broker's view: every connection of this platform is TLS 1.2+; Uganda's logged in with its certificate.
        var connections = await ConnectionsAsync(c => c.Select(x => (string)x["user"]!).Distinct().Count() >= 4);
        Assert.Equal(["prosecutor", "registry", "state-uga", "state-zaf"], connections.Select(c => (string)c["user"]!).Distinct().Order());
        Assert.All(connections, c =>
        {
            Assert.True((bool)c["ssl"]!, $"{c["user"]}: a plain AMQP connection");
            Assert.Contains((string)c["ssl_protocol"]!, new[] { "tlsv1.2", "tlsv1.3" });
        });
        Assert.All(connections.Where(c => (string)c["user"]! == "state-uga"), c => Assert.Equal("EXTERNAL", (string)c["auth_mechanism"]!));
        Assert.All(connections.Where(c => (string)c["user"]! == "state-zaf"), c => Assert.Equal("PLAIN", (string)c["auth_mechanism"]!));

        // The operators' error-queue tooling connects on its own (RabbitMQ.Client, not the bus): over TLS too, and as
        // Uganda with its certificate; an answer listing Uganda's error queue means that connection was made.
        using var operatorClient = _platform.OperatorClient();
        using var errorQueues = await operatorClient.GetAsync("/operations/states/UGA/error-queue");
        var page = await errorQueues.Content.ReadAsStringAsync();
        Assert.True(errorQueues.IsSuccessStatusCode, $"error queues of Uganda's node over TLS: {(int)errorQueues.StatusCode} {page}");

        // The gateway speaks HTTPS only: plain http to its port gets no answer.
        using var plain = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var answered = false;
        try
        {
            using var response = await plain.GetAsync(new UriBuilder(_platform.GatewayAddress) { Scheme = "http" }.Uri + "health");
            answered = response.IsSuccessStatusCode;
        }
        catch (HttpRequestException) { }
        Assert.False(answered, "the gateway answered plain http");
    }

    /// <summary>The platform's connections (management API; its statistics lag a few seconds), once <paramref name="complete"/>.</summary>
    private async Task<List<JsonObject>> ConnectionsAsync(Func<List<JsonObject>, bool> complete)
    {
        using var http = ResiliencePlatform.Management();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            // The Court's vhost and each State's own (issue 12); not the in-broker shovels between them (user "none":
            // direct connections inside the node, never on the network).
            var all = JsonNode.Parse(await http.GetStringAsync("/api/connections"))!.AsArray().Select(c => c!.AsObject())
                .Where(c => (string?)c["vhost"] is { } vhost
                            && (vhost == _platform.VirtualHost || vhost.StartsWith(_platform.VirtualHost + ".state-", StringComparison.Ordinal)))
                .Where(c => (string?)c["user"] != "none")
                .ToList();
            if (complete(all) || DateTime.UtcNow > deadline) return all;
            await Task.Delay(500);
        }
    }
}
