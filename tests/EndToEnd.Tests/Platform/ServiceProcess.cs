using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Cooperation.EndToEnd.Tests.Platform;

/// <summary>One real service process (dotnet &lt;dll&gt;), its output kept for failure messages.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public string Name { get; }
    public int Port { get; }
    public Uri BaseAddress => _baseAddress ?? new($"http://127.0.0.1:{Port}/");

    /// <summary>Where it answers when not plain http on 127.0.0.1 (issue 13: a gateway on HTTPS), and how to trust it.</summary>
    private Uri? _baseAddress;
    private Func<HttpMessageHandler>? _handler;

    /// <summary>The process's first node (it stops the process); null for the node itself or a single service.</summary>
    private readonly ServiceProcess? _host;

    private ServiceProcess(string name, int port, Process process)
    {
        Name = name;
        Port = port;
        _process = process;
    }

    private ServiceProcess(string name, int port, ServiceProcess host)
    {
        Name = name;
        Port = port;
        _process = host._process;
        _output = host._output;
        _host = host;
    }

    /// <summary>
    /// Another node hosted in this process (issue 11: one State process hosting several State nodes): its own
    /// name and port, this process's output; disposing it does nothing (disposing this one stops them all).
    /// </summary>
    public ServiceProcess HostedNode(string name, int port) => new(name, port, this);

    /// <summary>The process this node shares with others (itself when it runs alone or is the first).</summary>
    public ServiceProcess Host => _host ?? this;

    public static ServiceProcess Start(string name, string dll, int port, IReadOnlyDictionary<string, string> environment,
        Uri? baseAddress = null, Func<HttpMessageHandler>? handler = null)
    {
        if (!File.Exists(dll)) throw new FileNotFoundException($"{name}: {dll} is not built (run infra/test, which builds first).");
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["OTEL_BSP_SCHEDULE_DELAY"] = "200";
        // Metrics reach the trace viewer every 5 s (OTel's default is 60 s), so its Metrics page shows a test's figures.
        info.Environment["OTEL_METRIC_EXPORT_INTERVAL"] = "5000";
        foreach (var (key, value) in environment) info.Environment[key] = value;

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var service = new ServiceProcess(name, port, process) { _baseAddress = baseAddress, _handler = handler };
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public int ProcessId => _process.Id;

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>Waits for GET /health to answer 200; fails with the process output otherwise.</summary>
    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient(_handler?.Invoke() ?? new HttpClientHandler()) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(3) };
        var deadline = DateTime.UtcNow + timeout;
        string last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{Output}");
            try
            {
                using var response = await http.GetAsync("/health");
                if (response.IsSuccessStatusCode) return;
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.GetType().Name;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{Name} not healthy after {timeout.TotalSeconds}s (last: {last}):\n{Output}");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    /// <summary>Stops the process like Ctrl-C would (SIGTERM), then kills it if it lingers.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_host is not null) return;
        await StopAsync();
        // Kept for whoever investigates a failure: .data/test-logs/<name>.log
        var logs = Path.Combine(TestEnvironment.Current.RepoRoot, ".data", "test-logs");
        Directory.CreateDirectory(logs);
        await File.WriteAllTextAsync(Path.Combine(logs, Name + ".log"), Output);
    }

    private async Task StopAsync()
    {
        if (_process.HasExited) { _process.Dispose(); return; }
        try
        {
            Process.Start("kill", ["-TERM", _process.Id.ToString()])?.WaitForExit(2000);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}
