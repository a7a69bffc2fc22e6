using System.Diagnostics;
using System.Text;
using Cooperation.EndToEnd.Tests.Platform;

namespace Cooperation.EndToEnd.Tests.Resilience;

/// <summary>
/// Issue 12, supervision, cheaply: infra/run's own supervisor (<c>coop_supervise</c> in infra/lib/services.sh) runs
/// over a stand-in service (a shell that sleeps, started by the same coop_spawn), which is killed with SIGKILL three
/// times. Each time the supervisor names it with exit code 137 and its log, and starts it again after 1 s, then 2 s,
/// then 2 s (COOP_RESTART_MAX_DELAY=2: capped); "infra/run down"'s stop file ends it. No broker, no .NET process:
/// RunCommandSupervisionTests proves the same with the real command and the Registry.
/// </summary>
public sealed class SupervisorTests
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_supervisor_restarts_a_process_that_was_killed_with_a_capped_backoff_and_says_so()
    {
        var env = TestEnvironment.Current;
        var data = Directory.CreateTempSubdirectory("coop-supervise-").FullName;
        // The real functions; only the list of services and how one starts are the stand-in's.
        const string script = """
            set -euo pipefail
            . "$COOP_REPO_ROOT/infra/lib/common.sh"
            . "$COOP_REPO_ROOT/infra/lib/services.sh"
            coop_services() { echo "standin 0"; }
            start_service() { coop_spawn "$1" "$COOP_LOG_DIR/$1.log" bash -c 'echo "stand-in up"; exec sleep 600'; }
            start_service standin 0
            coop_supervise
            coop_stop_all
            """;
        var info = new ProcessStartInfo("bash", ["-c", script])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.Environment["COOP_REPO_ROOT"] = env.RepoRoot;
        info.Environment["COOP_DATA_DIR"] = data;
        info.Environment["COOP_RUN_DIR"] = Path.Combine(data, "run");
        info.Environment["COOP_LOG_DIR"] = Path.Combine(data, "logs");
        info.Environment["COOP_RESTART_MAX_DELAY"] = "2";

        var output = new StringBuilder();
        using var supervisor = new Process { StartInfo = info };
        supervisor.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        supervisor.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        supervisor.Start();
        supervisor.BeginOutputReadLine();
        supervisor.BeginErrorReadLine();
        string Output() { lock (output) return output.ToString(); }
        var pidFile = Path.Combine(data, "run", "standin.pid");
        var log = Path.Combine(data, "logs", "standin.log");
        var pids = new List<int>();
        try
        {
            await WaitForAsync(() => File.Exists(pidFile) && File.Exists(log) && File.ReadAllText(log).Contains("stand-in up"), Output, "the stand-in to start");
            foreach (var (restart, delay) in new[] { (1, 1), (2, 2), (3, 2) })
            {
                var pid = int.Parse((await File.ReadAllTextAsync(pidFile)).Trim());
                pids.Add(pid);
                Process.GetProcessById(pid).Kill(); // SIGKILL, as a crash
                await WaitForAsync(() => Output().Contains($"supervisor: restarted standin (restart {restart};"), Output, $"restart {restart}");
                Assert.Contains($"supervisor: standin exited with code 137 (log {log}); restarting it in {delay}s", Output());
            }
            var last = int.Parse((await File.ReadAllTextAsync(pidFile)).Trim());
            Assert.DoesNotContain(last, pids);
            Assert.True(Alive(last), "the restarted stand-in is not running");

            // infra/run down: the stop file ends the loop, and the script stops what it started.
            await File.WriteAllTextAsync(Path.Combine(data, "run", "stopping"), "");
            using var stop = new CancellationTokenSource(Soon);
            await supervisor.WaitForExitAsync(stop.Token);
            Assert.Contains("stopped from elsewhere", Output());
            Assert.False(Alive(last), "the stand-in outlived its supervisor");
        }
        finally
        {
            if (!supervisor.HasExited) supervisor.Kill(entireProcessTree: true);
            if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid) && Alive(pid)) Process.GetProcessById(pid).Kill();
        }
        Directory.Delete(data, recursive: true);
    }

    private static bool Alive(int pid)
    {
        try { return !Process.GetProcessById(pid).HasExited; }
        catch (ArgumentException) { return false; }
    }

    private static async Task WaitForAsync(Func<bool> condition, Func<string> output, string what)
    {
        var deadline = DateTime.UtcNow + Soon;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"waited {Soon.TotalSeconds}s in vain for {what}:\n{output()}");
            await Task.Delay(100);
        }
    }
}
