using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Cooperation.EndToEnd.Tests.Platform;

/// <summary>
/// Every service of the platform runs with this as its HTTP(S) proxy (HTTPS_PROXY, HTTP_PROXY), and
/// with loopback exempt (NO_PROXY): whatever HTTP call a service makes to anywhere but this machine
/// comes here first, even one whose host name would not resolve, and is recorded, never forwarded.
/// </summary>
public sealed class EgressTrap : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _attempts = new();
    private readonly Task _loop;

    public EgressTrap()
    {
        _listener.Start();
        _loop = AcceptAsync();
    }

    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    /// <summary>The first line of each attempt, e.g. "CONNECT usage-tracking.masstransit.io:443 HTTP/1.1".</summary>
    public IReadOnlyList<string> Attempts => _attempts.ToList();

    /// <summary>The proxy settings a service process gets.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["HTTPS_PROXY"] = Address.ToString(),
        ["HTTP_PROXY"] = Address.ToString(),
        ["NO_PROXY"] = "127.0.0.1,localhost",
    };

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = RecordAsync(client);
        }
    }

    private async Task RecordAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var buffer = new byte[1024];
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                var read = await client.GetStream().ReadAsync(buffer, timeout.Token);
                _attempts.Enqueue(Encoding.ASCII.GetString(buffer, 0, read).Split('\n')[0].Trim());
            }
            catch (Exception e)
            {
                _attempts.Enqueue($"(connection without a request line: {e.GetType().Name})");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
