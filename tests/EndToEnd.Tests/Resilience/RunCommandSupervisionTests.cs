using System.Diagnostics;
using System.Text;
using Cooperation.EndToEnd.Tests.Platform;

namespace Cooperation.EndToEnd.Tests.Resilience;

/// <summary>
/// Issue 12: nobody restarted a process that died; the run command reported it and carried on without it.
/// This runs the README's run command itself (infra/run, on free ports and its own data folder, one State,
/// no build: the test command built already), kills the Registry with SIGKILL, and requires the supervisor
/// to say so (name, exit code, log) and to bring it back healthy; Ctrl-C (SIGTERM) then stops everything.
/// In the platform collection so it does not compete for the CPU with the other process-heavy tests.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class RunCommandSupervisionTests
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task The_run_command_restarts_a_service_that_dies_and_says_so()
    {
        var env = TestEnvironment.Current;
        var data = Directory.CreateTempSubdirectory("coop-run-").FullName;
        var registryPort = QuietPort();
        var info = new ProcessStartInfo("bash", [Path.Combine(env.RepoRoot, "infra", "run")])
        {
            WorkingDirectory = env.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["COOP_DATA_DIR"] = data,
            ["COOP_NO_BUILD"] = "1",
            ["COOP_CONFIGURATION"] = env.BuildConfiguration,
            ["COOP_STATES"] = "UGA",
            ["COOP_SANDBOX_STATE"] = "", // one State only: no sandbox State either
            ["COOP_BROKER_PORT"] = QuietPort().ToString(),
            ["COOP_BROKER_MANAGEMENT_PORT"] = QuietPort().ToString(),
            ["COOP_BROKER_DIST_PORT"] = QuietPort().ToString(),
            ["COOP_DASHBOARD_PORT"] = QuietPort().ToString(),
            ["COOP_OTLP_GRPC_PORT"] = QuietPort().ToString(),
            ["COOP_OTLP_HTTP_PORT"] = QuietPort().ToString(),
            ["COOP_GATEWAY_PORT"] = QuietPort().ToString(),
            ["COOP_REGISTRY_PORT"] = registryPort.ToString(),
            ["COOP_PROSECUTOR_PORT"] = QuietPort().ToString(),
            ["COOP_ASSEMBLY_PORT"] = QuietPort().ToString(),
            ["COOP_STATE_BASE_PORT"] = QuietPort().ToString(),
            ["COOP_CONSOLE_PORT"] = QuietPort().ToString(),
            ["COOP_RESTART_MAX_DELAY"] = "4",
        })
            info.Environment[key] = value;

        var output = new StringBuilder();
        using var run = new Process { StartInfo = info };
        run.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        run.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        run.Start();
        run.BeginOutputReadLine();
        run.BeginErrorReadLine();
        string Output() { lock (output) return output.ToString(); }

        try
        {
            await WaitForAsync(() => Output().Contains("Cooperation Platform is running"), run, Output, "the platform to start");
            var pidFile = Path.Combine(data, "run", "registry.pid");
            var registryPid = int.Parse((await File.ReadAllTextAsync(pidFile)).Trim());
            Process.GetProcessById(registryPid).Kill(); // SIGKILL: no cleanup, as a crash

            await WaitForAsync(() => Output().Contains("supervisor: restarted registry"), run, Output, "the supervisor to restart the Registry");
            Assert.Contains("supervisor: registry exited with code 137", Output());
            Assert.Contains(Path.Combine(data, "logs", "registry.log"), Output());
            var restartedPid = int.Parse((await File.ReadAllTextAsync(pidFile)).Trim());
            Assert.NotEqual(registryPid, restartedPid);

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
            await WaitForAsync(async () =>
            {
                try { return (await http.GetAsync($"http://127.0.0.1:{registryPort}/health")).IsSuccessStatusCode; }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return false; }
            }, run, Output, "the restarted Registry to be healthy");

            // Ctrl-C: everything stops, the restarted process included.
            Process.Start("kill", ["-TERM", run.Id.ToString()])!.WaitForExit();
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await run.WaitForExitAsync(stop.Token);
            Assert.False(Alive(restartedPid), $"the restarted Registry (pid {restartedPid}) outlived the run command:\n{Output()}");
        }
        finally
        {
            if (!run.HasExited) run.Kill(entireProcessTree: true);
            await File.WriteAllTextAsync(Path.Combine(data, "infra-run.out"), Output());
        }
        Directory.Delete(data, recursive: true);
    }

    private static readonly HashSet<int> Taken = [];

    /// <summary>
    /// A free port below the kernel's ephemeral range (32768 and up), where every other test's port 0 lands:
    /// infra/run binds its ports some seconds after they are chosen, and a port from the ephemeral range was
    /// taken in between by a test running in parallel.
    /// </summary>
    private static int QuietPort()
    {
        while (true)
        {
            var port = Random.Shared.Next(21000, 25000);
            if (!Taken.Add(port)) continue;
            try
            {
                using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
                probe.Start();
                return port;
            }
            catch (System.Net.Sockets.SocketException) { }
        }
    }

    private static bool Alive(int pid)
    {
        try { return !Process.GetProcessById(pid).HasExited; }
        catch (ArgumentException) { return false; }
    }

    private static Task WaitForAsync(Func<bool> condition, Process run, Func<string> output, string what) =>
        WaitForAsync(() => Task.FromResult(condition()), run, output, what);

    private static async Task WaitForAsync(Func<Task<bool>> condition, Process run, Func<string> output, string what)
    {
        var deadline = DateTime.UtcNow + Soon;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return;
            if (run.HasExited) throw new InvalidOperationException($"infra/run exited ({run.ExitCode}) while waiting for {what}:\n{output()}");
            await Task.Delay(250);
        }
        throw new TimeoutException($"timed out waiting for {what}:\n{output()}");
    }
}
