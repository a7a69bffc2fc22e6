using Cooperation.EndToEnd.Tests.Platform;

namespace Cooperation.EndToEnd.Tests.Configuration;

/// <summary>A missing or bad setting stops start-up with one clear line saying which and why.</summary>
public sealed class StartupConfigurationTests
{
    [Fact]
    public async Task A_state_node_without_a_state_code_refuses_to_start_and_names_the_setting()
    {
        var env = TestEnvironment.Current;
        var data = Directory.CreateTempSubdirectory("coop-config-").FullName;
        await using var node = ServiceProcess.Start("state-without-code", env.ServiceDll("services/State", "Cooperation.State"),
            ServiceProcess.FreePort(), new Dictionary<string, string>
            {
                ["Broker__Host"] = env.BrokerHost,
                ["Broker__Port"] = env.BrokerPort.ToString(),
                ["Broker__Username"] = "state-uga",
                ["Broker__Password"] = env.BrokerPassword("state-uga"),
                ["Database__ConnectionString"] = $"Data Source={Path.Combine(data, "state.db")}",
                ["State__Code"] = "",
                ["Auth__Authority"] = "http://127.0.0.1:9/",
            });

        var exitCode = await node.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.True(exitCode == 2, $"exit code {exitCode}:\n{node.Output}");
        var errorLines = node.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains("configuration error")).ToList();
        var line = Assert.Single(errorLines);
        Assert.Contains("State:Code", line);
        Assert.DoesNotContain("   at ", node.Output); // no stack trace
    }

    [Fact]
    public async Task A_service_with_a_non_numeric_broker_port_refuses_to_start_and_names_the_setting()
    {
        var env = TestEnvironment.Current;
        var data = Directory.CreateTempSubdirectory("coop-config-").FullName;
        await using var registry = ServiceProcess.Start("registry-bad-port", env.ServiceDll("services/Registry", "Cooperation.Registry"),
            ServiceProcess.FreePort(), new Dictionary<string, string>
            {
                ["Broker__Host"] = env.BrokerHost,
                ["Broker__Port"] = "not-a-port",
                ["Broker__Username"] = "registry",
                ["Broker__Password"] = env.BrokerPassword("registry"),
                ["Database__ConnectionString"] = $"Data Source={Path.Combine(data, "registry.db")}",
                ["Auth__Authority"] = "http://127.0.0.1:9/",
            });

        var exitCode = await registry.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.True(exitCode == 2, $"exit code {exitCode}:\n{registry.Output}");
        Assert.Contains("Broker:Port", registry.Output);
        Assert.DoesNotContain("   at ", registry.Output);
    }

    /// <summary>
    /// A malformed connection string used to crash in the SQLite file's preparation with a stack trace; it is a setting
    /// error like any other, and the line never repeats the string (it may hold a password).
    /// </summary>
    [Theory]
    [InlineData("Sqlite", "Data")]
    [InlineData("Sqlite", "Host=db;Password=hunter2-not-printed")]
    [InlineData("Postgres", "Host=db;Pasword=hunter2-not-printed")]
    public async Task A_service_with_a_malformed_connection_string_refuses_to_start_and_names_the_setting(string provider, string connectionString)
    {
        var env = TestEnvironment.Current;
        await using var registry = ServiceProcess.Start($"registry-bad-db-{provider.ToLowerInvariant()}", env.ServiceDll("services/Registry", "Cooperation.Registry"),
            ServiceProcess.FreePort(), new Dictionary<string, string>
            {
                ["Broker__Host"] = env.BrokerHost,
                ["Broker__Port"] = env.BrokerPort.ToString(),
                ["Broker__Username"] = "registry",
                ["Broker__Password"] = env.BrokerPassword("registry"),
                ["Database__Provider"] = provider,
                ["Database__ConnectionString"] = connectionString,
                ["Auth__Authority"] = "http://127.0.0.1:9/",
            });

        var exitCode = await registry.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.True(exitCode == 2, $"exit code {exitCode}:\n{registry.Output}");
        var line = Assert.Single(registry.Output.Split('\n'), l => l.Contains("configuration error"));
        Assert.Contains($"Database:ConnectionString is not a valid {provider} connection string", line);
        Assert.DoesNotContain("hunter2", registry.Output);
        Assert.DoesNotContain("   at ", registry.Output);
    }

    [Fact]
    public async Task A_service_without_the_token_authority_refuses_to_start_and_names_the_setting()
    {
        var env = TestEnvironment.Current;
        var data = Directory.CreateTempSubdirectory("coop-config-").FullName;
        await using var registry = ServiceProcess.Start("registry-no-authority", env.ServiceDll("services/Registry", "Cooperation.Registry"),
            ServiceProcess.FreePort(), new Dictionary<string, string>
            {
                ["Broker__Host"] = env.BrokerHost,
                ["Broker__Port"] = env.BrokerPort.ToString(),
                ["Broker__Username"] = "registry",
                ["Broker__Password"] = env.BrokerPassword("registry"),
                ["Database__ConnectionString"] = $"Data Source={Path.Combine(data, "registry.db")}",
            });

        var exitCode = await registry.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.True(exitCode == 2, $"exit code {exitCode}:\n{registry.Output}");
        Assert.Contains("Auth:Authority", registry.Output);
        Assert.DoesNotContain("   at ", registry.Output);
    }

    [Fact]
    public async Task A_gateway_with_a_client_secret_too_short_refuses_to_start_and_names_the_setting()
    {
        var env = TestEnvironment.Current;
        var data = Directory.CreateTempSubdirectory("coop-config-").FullName;
        var port = ServiceProcess.FreePort();
        await using var gateway = ServiceProcess.Start("gateway-short-secret", env.ServiceDll("gateway/Gateway", "Cooperation.Gateway"),
            port, new Dictionary<string, string>
            {
                ["Database__ConnectionString"] = $"Data Source={Path.Combine(data, "gateway.db")}",
                ["Identity__Issuer"] = $"http://127.0.0.1:{port}/",
                ["Identity__SigningKeyPath"] = Path.Combine(data, "signing.pem"),
                ["Identity__Clients__0__ClientId"] = "state-uga-cms",
                ["Identity__Clients__0__Secret"] = "s3cr3t-x",
                ["Identity__Clients__0__Scopes"] = "state:UGA",
            });

        var exitCode = await gateway.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.True(exitCode == 2, $"exit code {exitCode}:\n{gateway.Output}");
        Assert.Contains("Identity:Clients:0:Secret", gateway.Output);
        Assert.DoesNotContain("s3cr3t-x", gateway.Output); // a secret is never printed
        Assert.DoesNotContain("   at ", gateway.Output);
    }
    /// <summary>
    /// The compose file's issuer is http://gateway:8080/ (services reach the gateway by name on a private network): refused
    /// as plain http on a host that is not loopback unless Identity:AllowHttpIssuer says the network is private.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_gateway_with_a_plain_http_issuer_that_is_not_loopback_starts_only_on_a_declared_private_network(bool allowed)
    {
        var env = TestEnvironment.Current;
        var data = Directory.CreateTempSubdirectory("coop-config-").FullName;
        var settings = new Dictionary<string, string>
        {
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(data, "gateway.db")}",
            ["Identity__Issuer"] = "http://gateway:8080/",
            ["Identity__SigningKeyPath"] = Path.Combine(data, "signing.pem"),
            ["Identity__Clients__0__ClientId"] = "state-uga-cms",
            ["Identity__Clients__0__Secret"] = Guid.NewGuid().ToString("N"),
            ["Identity__Clients__0__Scopes"] = "state:UGA",
        };
        if (allowed) settings["Identity__AllowHttpIssuer"] = "true";
        await using var gateway = ServiceProcess.Start($"gateway-http-issuer-{allowed}".ToLowerInvariant(),
            env.ServiceDll("gateway/Gateway", "Cooperation.Gateway"), ServiceProcess.FreePort(), settings);

        if (!allowed)
        {
            var exitCode = await gateway.WaitForExitAsync(TimeSpan.FromSeconds(30));
            Assert.True(exitCode == 2, $"exit code {exitCode}:\n{gateway.Output}");
            Assert.Contains("Identity:Issuer must be https", gateway.Output);
            Assert.Contains("Identity:AllowHttpIssuer", gateway.Output);
            return;
        }
        // Allowed: it starts and issues a token whose issuer is the configured one.
        using var http = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        string? discovery = null;
        while (DateTime.UtcNow < deadline && discovery is null)
        {
            Assert.False(gateway.HasExited, gateway.Output);
            try { discovery = await http.GetStringAsync("/.well-known/openid-configuration"); }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { await Task.Delay(250); }
        }
        Assert.NotNull(discovery);
        Assert.Equal("http://gateway:8080/", System.Text.Json.JsonDocument.Parse(discovery).RootElement.GetProperty("issuer").GetString());
    }
}
