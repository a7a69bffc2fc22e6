using System.Net;
using System.Net.Sockets;

namespace Cooperation.EndToEnd.Tests.Platform;

/// <summary>
/// A loopback port forwarding each connection to a real server (PostgreSQL here), which a test opens and cuts: cut,
/// every connection through it is reset and new ones are refused, as when the server's host goes away.
/// </summary>
public sealed class TcpForwarder(int port, string host, int targetPort) : IDisposable
{
    private readonly object _gate = new();
    private readonly List<TcpClient> _connections = [];
    private TcpListener? _listener;
    private CancellationTokenSource _stop = new();

    public int Port => port;

    public void Open()
    {
        lock (_gate)
        {
            if (_listener is not null) return;
            _stop = new CancellationTokenSource();
            _listener = new TcpListener(IPAddress.Loopback, port);
            _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            _listener.Start();
            _ = AcceptAsync(_listener, _stop.Token);
        }
    }

    /// <summary>Refuses new connections and resets the open ones.</summary>
    public void Cut()
    {
        lock (_gate)
        {
            _stop.Cancel();
            _listener?.Stop();
            _listener = null;
            foreach (var connection in _connections)
            {
                try { connection.Client.LingerState = new LingerOption(true, 0); } catch (SocketException) { } catch (ObjectDisposedException) { }
                connection.Dispose();
            }
            _connections.Clear();
        }
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try { inbound = await listener.AcceptTcpClientAsync(stop); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            _ = PipeAsync(inbound, stop);
        }
    }

    private async Task PipeAsync(TcpClient inbound, CancellationToken stop)
    {
        var outbound = new TcpClient();
        lock (_gate) { _connections.Add(inbound); _connections.Add(outbound); }
        try
        {
            await outbound.ConnectAsync(host, targetPort, stop);
            var a = inbound.GetStream();
            var b = outbound.GetStream();
            await Task.WhenAny(a.CopyToAsync(b, stop), b.CopyToAsync(a, stop));
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException) { }
        finally
        {
            lock (_gate) { _connections.Remove(inbound); _connections.Remove(outbound); }
            inbound.Dispose();
            outbound.Dispose();
        }
    }

    public void Dispose() => Cut();
}
