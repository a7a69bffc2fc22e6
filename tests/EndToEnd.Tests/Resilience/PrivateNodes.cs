using System.Diagnostics;
using Cooperation.EndToEnd.Tests.Platform;

namespace Cooperation.EndToEnd.Tests.Resilience;

/// <summary>
/// A RabbitMQ node and a PostgreSQL cluster of a resilience test's own, started with infra/lib through nodes.sh, so the
/// test can stop and kill them without touching the broker and database infra/test gave everyone else.
/// </summary>
public static class PrivateNodes
{
    private static string Script => Path.Combine(TestEnvironment.Current.RepoRoot, "tests", "EndToEnd.Tests", "Resilience", "nodes.sh");

    public static async Task<string> RunAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("bash", [Script, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["COOP_REPO_ROOT"] = TestEnvironment.Current.RepoRoot;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(cts.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"nodes.sh {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await stderr}\n{await stdout}");
        return (await stdout).Trim();
    }

    public static void Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString()])!;
        kill.WaitForExit(5000);
    }

    public static bool Alive(int pid)
    {
        try { return !Process.GetProcessById(pid).HasExited; }
        catch (ArgumentException) { return false; }
    }
}

/// <summary>One RabbitMQ node in a directory of its own; stop, kill and start keep its data (durable queues, persistent messages).</summary>
public sealed class BrokerNode(string directory, string name, int amqp, int management, int distribution, BrokerNode? seed = null)
{
    public string Directory { get; } = directory;
    public string Name { get; } = name;
    public int AmqpPort { get; } = amqp;
    public int ManagementPort { get; } = management;
    public int Pid { get; private set; }
    public bool Running => Pid != 0 && PrivateNodes.Alive(Pid);

    public static BrokerNode Create(string parent, string label, BrokerNode? seed = null) =>
        new(Path.Combine(parent, label), $"coop{Guid.NewGuid().ToString("N")[..6]}{label}@localhost",
            ServiceProcess.FreePort(), ServiceProcess.FreePort(), ServiceProcess.FreePort(), seed);

    public async Task StartAsync()
    {
        string[] args = ["broker", Directory, AmqpPort.ToString(), ManagementPort.ToString(), distribution.ToString(), Name,
            System.Environment.GetEnvironmentVariable("COOP_TEST_BROKER_SECRETS")!];
        if (seed is not null) args = [.. args, seed.Directory];
        var output = await PrivateNodes.RunAsync(args);
        Pid = int.Parse(output.Split('\n')[^1]);
    }

    /// <summary>SIGTERM: a clean stop (about a second).</summary>
    public async Task StopAsync() => await SignalAndWaitAsync("TERM");

    /// <summary>SIGKILL: the node dies as in a crash.</summary>
    public async Task KillAsync() => await SignalAndWaitAsync("KILL");

    private async Task SignalAndWaitAsync(string signal)
    {
        if (!Running) return;
        PrivateNodes.Signal(Pid, signal);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (Running && DateTime.UtcNow < deadline) await Task.Delay(100);
        if (Running) PrivateNodes.Signal(Pid, "KILL");
    }
}

/// <summary>A throwaway PostgreSQL cluster; stopped "immediate" (as in a crash) and started again on the same data.</summary>
public sealed class PostgresNode
{
    public string Directory { get; private set; } = "";
    public int Port { get; } = ServiceProcess.FreePort();
    public string ConnectionString { get; private set; } = "";

    public async Task StartAsync()
    {
        var lines = (await PrivateNodes.RunAsync("postgres", Port.ToString())).Split('\n');
        Directory = lines[^2].Trim();
        ConnectionString = lines[^1].Trim();
    }

    public Task StopAsync() => PrivateNodes.RunAsync("postgres-stop", Directory);
    public Task RestartAsync() => PrivateNodes.RunAsync("postgres-start", Directory, Port.ToString());
    public Task RemoveAsync() => Directory.Length == 0 ? Task.CompletedTask : PrivateNodes.RunAsync("postgres-remove", Directory);
}
