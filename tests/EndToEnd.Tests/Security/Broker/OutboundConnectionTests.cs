using System.Globalization;
using System.Net;
using Cooperation.EndToEnd.Tests.Platform;

namespace Cooperation.EndToEnd.Tests.Security.Broker;

/// <summary>
/// Issue 16, finding 5: a platform carrying sealed requests talks to nothing but its own parts. Every
/// service runs behind <see cref="EgressTrap"/> (any HTTP call off this machine lands there) and its
/// open TCP connections are read from /proc: each must go to the broker, the database, the gateway or
/// the telemetry endpoint (for the gateway also the services behind it; for the nodes also the tests' webhook
/// receivers on loopback, the only webhook hosts allowed here), or come in to the service's own port.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class OutboundConnectionTests(PlatformFixture platform)
{
    [Fact]
    public async Task No_service_connects_anywhere_but_its_broker_database_gateway_and_telemetry_endpoint()
    {
        // Let every service do some work first: a request through the gateway to a State and back.
        using var desk = platform.CreatePartnerClient("registry");
        using var drafted = await desk.PostJsonAsync("/registry/requests", Requests.Samples.ArrestAndSurrender("UGA"));
        var id = (string)(await drafted.ReadObjectAsync())["id"]!;
        using var transmitted = await desk.PostAsync($"/registry/requests/{id}/transmit", null);
        await desk.WaitForAsync($"/registry/requests/{id}", r => (string)r["status"]! == "Delivered", BrokerAttack.Soon);

        var env = platform.Environment;
        var allowed = new HashSet<int> { env.BrokerPort, platform.Gateway.Port, new Uri(env.OtlpEndpoint).Port };
        if (env.PostgresServer is { } postgres) allowed.Add(PostgresPort(postgres));
        // The gateway forwards to the services behind it.
        var backends = platform.Services.Where(s => s.Name != "gateway").Select(s => s.Port).ToHashSet();
        // Webhook deliveries (issue 14) go to the partners' receivers, which Webhooks:AllowedHosts limits to loopback here:
        // the tests' receivers on 127.0.0.1 are the only other destination, and only the nodes (not the gateway) call them.
        var webhookReceivers = platform.WebhookReceiverPorts.ToHashSet();

        var checkedConnections = 0;
        var refused = new List<string>();
        foreach (var service in platform.Services.Where(s => !s.HasExited))
        {
            // A process hosting several State nodes (issue 11) serves each node's port: calls into any of them are its own.
            var ownPorts = platform.Services.Where(s => s.ProcessId == service.ProcessId).Select(s => s.Port).ToHashSet();
            foreach (var (remote, local) in OpenConnections(service.ProcessId))
            {
                checkedConnections++;
                var fine = IPAddress.IsLoopback(remote.Address)
                           && (allowed.Contains(remote.Port) || ownPorts.Contains(local.Port)
                               || (service.Name == "gateway" && backends.Contains(remote.Port))
                               || (service.Name != "gateway" && webhookReceivers.Contains(remote.Port)));
                if (!fine) refused.Add($"{service.Name}: {local} -> {remote}");
            }
        }
        Assert.True(checkedConnections > 0, "no open connection seen at all: the /proc reading is broken");
        Assert.Empty(refused);
        Assert.Empty(platform.Egress.Attempts);
    }

    /// <summary>The process's TCP connections (established or being opened), from its socket inodes and /proc/net/tcp{,6}.</summary>
    private static IEnumerable<(IPEndPoint Remote, IPEndPoint Local)> OpenConnections(int pid)
    {
        var inodes = new HashSet<string>();
        foreach (var fd in Directory.EnumerateFiles($"/proc/{pid}/fd"))
        {
            var target = new FileInfo(fd).LinkTarget;
            if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal)) inodes.Add(target[8..^1]);
        }
        foreach (var table in new[] { "tcp", "tcp6" })
        foreach (var line in File.ReadLines($"/proc/{pid}/net/{table}").Skip(1))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // st: 01 established, 02 SYN sent, 03 SYN received; f[9] is the socket's inode.
            if (f.Length < 10 || f[3] is not ("01" or "02" or "03") || !inodes.Contains(f[9])) continue;
            yield return (Endpoint(f[2]), Endpoint(f[1]));
        }
    }

    /// <summary>"0100007F:1F90" (IPv4) or 32 hex digits (IPv6), each 32-bit word in host (little-endian) order.</summary>
    private static IPEndPoint Endpoint(string text)
    {
        var (address, port) = (text.Split(':')[0], int.Parse(text.Split(':')[1], NumberStyles.HexNumber));
        var bytes = new byte[address.Length / 2];
        for (var word = 0; word < bytes.Length / 4; word++)
        for (var b = 0; b < 4; b++)
            bytes[word * 4 + b] = byte.Parse(address.AsSpan(word * 8 + (3 - b) * 2, 2), NumberStyles.HexNumber);
        var ip = new IPAddress(bytes);
        return new IPEndPoint(ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip, port);
    }

    private static int PostgresPort(string server) =>
        server.Split(';').Select(p => p.Split('=', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("Port", StringComparison.OrdinalIgnoreCase))
            .Select(p => int.Parse(p[1])).DefaultIfEmpty(5432).First();
}
