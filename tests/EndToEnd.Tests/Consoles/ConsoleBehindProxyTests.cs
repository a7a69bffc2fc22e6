using System.Net;
using Cooperation.EndToEnd.Tests.Platform;

namespace Cooperation.EndToEnd.Tests.Consoles;

/// <summary>
/// Issue 13: on Kubernetes the gateway is in another pod, so the console must believe its X-Forwarded-Proto/-Host (the
/// browser's https address, from which the sign-in redirect URI is built) from where Console:TrustedProxies says the
/// gateway is, and from nowhere else. The console runs alone here: the challenge's redirect says which address it
/// believed, without a gateway behind it.
/// </summary>
public sealed class ConsoleBehindProxyTests
{
    [Theory]
    [InlineData(null, true)]            // the default: loopback, where infra/run's gateway is
    [InlineData("127.0.0.1", true)]     // the gateway's address
    [InlineData("127.0.0.0/8", true)]   // the gateway's network (on a cluster: the pods' network)
    [InlineData("10.0.0.0/8", false)]   // a network the caller is not in: its headers are ignored
    public async Task The_sign_in_redirect_uses_the_forwarded_address_only_from_a_trusted_proxy(string? trusted, bool believed)
    {
        var env = TestEnvironment.Current;
        var port = ServiceProcess.FreePort();
        var settings = new Dictionary<string, string>
        {
            ["Console__Gateway"] = "http://127.0.0.1:9/",
            ["Console__ClientSecret"] = Guid.NewGuid().ToString("N"),
        };
        if (trusted is not null) settings["Console__TrustedProxies"] = trusted;
        await using var console = ServiceProcess.Start($"console-proxy-{trusted ?? "default"}".Replace('.', '-').Replace('/', '-'),
            env.ServiceDll("gateway/Consoles", "Cooperation.Consoles"), port, settings);
        await console.WaitHealthyAsync(TimeSpan.FromSeconds(60));

        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = console.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/console/");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "cooperation.court.example");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/connect/authorize?", location);
        var redirectUri = Uri.UnescapeDataString(location.Split('&').Single(p => p.StartsWith("redirect_uri=", StringComparison.Ordinal))["redirect_uri=".Length..]);
        Assert.Equal(believed ? "https://cooperation.court.example/console/signin-gateway" : $"http://127.0.0.1:{port}/console/signin-gateway", redirectUri);
    }

    [Fact]
    public async Task A_console_with_a_trusted_proxy_that_is_no_address_refuses_to_start_and_names_the_setting()
    {
        var env = TestEnvironment.Current;
        await using var console = ServiceProcess.Start("console-proxy-bad", env.ServiceDll("gateway/Consoles", "Cooperation.Consoles"),
            ServiceProcess.FreePort(), new Dictionary<string, string>
            {
                ["Console__Gateway"] = "http://127.0.0.1:9/",
                ["Console__ClientSecret"] = Guid.NewGuid().ToString("N"),
                ["Console__TrustedProxies"] = "gateway",
            });
        var exitCode = await console.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.True(exitCode == 2, $"exit code {exitCode}:\n{console.Output}");
        Assert.Contains("Console:TrustedProxies has 'gateway'", console.Output);
    }
}
