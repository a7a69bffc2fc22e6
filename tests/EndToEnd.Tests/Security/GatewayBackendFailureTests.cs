using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Platform;

namespace Cooperation.EndToEnd.Tests.Security;

/// <summary>
/// A gateway of its own in front of backends that fail: one that is down (502), one that accepts
/// the connection and never answers (504 after the configured timeout). Partners get
/// ProblemDetails, never a bare status or exception text, and refusals still come first.
/// </summary>
public sealed class GatewayBackendFailureTests
{
    [Fact]
    public async Task A_backend_that_is_down_gives_502_and_a_silent_one_504_as_problem_details()
    {
        var env = TestEnvironment.Current;
        var data = Directory.CreateTempSubdirectory("coop-gateway-").FullName;
        var secret = Guid.NewGuid().ToString("N");

        // Silent backend: accepts connections, never answers.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var silentPort = ((IPEndPoint)silent.LocalEndpoint).Port;
        var accepted = new List<TcpClient>();
        var accepting = Task.Run(async () =>
        {
            try { while (true) accepted.Add(await silent.AcceptTcpClientAsync()); }
            catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
        });
        var downPort = ServiceProcess.FreePort(); // nothing listens there

        var port = ServiceProcess.FreePort();
        await using var gateway = ServiceProcess.Start("gateway-failing-backends", env.ServiceDll("gateway/Gateway", "Cooperation.Gateway"),
            port, new Dictionary<string, string>
            {
                ["Database__ConnectionString"] = $"Data Source={Path.Combine(data, "gateway.db")}",
                ["Identity__Issuer"] = $"http://127.0.0.1:{port}/",
                ["Identity__SigningKeyPath"] = Path.Combine(data, "signing.pem"),
                ["Identity__Clients__0__ClientId"] = "registry-desk",
                ["Identity__Clients__0__Secret"] = secret,
                ["Identity__Clients__0__Scopes"] = "registry prosecutor",
                ["Gateway__ProxyTimeout"] = "00:00:02",
                ["ReverseProxy__Clusters__registry__Destinations__primary__Address"] = $"http://127.0.0.1:{downPort}/",
                ["ReverseProxy__Clusters__prosecutor__Destinations__primary__Address"] = $"http://127.0.0.1:{silentPort}/",
            });
        await WaitAliveAsync(gateway);

        using var anonymous = PlatformFixture.CreateClient(gateway.BaseAddress, token: null);
        using var tokenResponse = await anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "registry-desk", ["client_secret"] = secret,
        }));
        var token = (string)(await tokenResponse.ReadObjectAsync())["access_token"]!;
        using var desk = PlatformFixture.CreateClient(gateway.BaseAddress, token);

        // The gateway refuses before forwarding, even with the backend down.
        using (var refused = await anonymous.GetAsync("/registry/requests"))
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        using (var down = await desk.GetAsync("/registry/requests"))
            await AssertProblemAsync(down, HttpStatusCode.BadGateway, "/bad-gateway");

        var started = DateTime.UtcNow;
        using (var slow = await desk.GetAsync("/prosecutor/requests"))
        {
            await AssertProblemAsync(slow, HttpStatusCode.GatewayTimeout, "/timeout");
            Assert.InRange((DateTime.UtcNow - started).TotalSeconds, 1.5, 20);
        }

        silent.Stop();
        await accepting;
        foreach (var c in accepted) c.Dispose();
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string typeSuffix)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.EndsWith(typeSuffix, (string)problem["type"]!);
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain("127.0.0.1", body); // no backend address
    }

    private static async Task WaitAliveAsync(ServiceProcess process)
    {
        using var http = new HttpClient { BaseAddress = process.BaseAddress, Timeout = TimeSpan.FromSeconds(3) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(150); // a cold gateway beside the running suite took up to 30 s to answer on 2 busy cores
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"{process.Name} exited:\n{process.Output}");
            try
            {
                using var response = await http.GetAsync("/alive");
                if (response.IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{process.Name} not alive:\n{process.Output}");
    }
}
