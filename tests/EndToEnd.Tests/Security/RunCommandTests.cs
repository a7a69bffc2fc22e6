using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Cooperation.EndToEnd.Tests.Platform;

namespace Cooperation.EndToEnd.Tests.Security;

/// <summary>
/// What the run command (infra/run) sets up, checked by calling the same functions of infra/lib
/// it calls: the trace viewer started with the run command's settings refuses the UI, the telemetry
/// API and OTLP exports without their keys; .data is the owner's only; the start-up summary says
/// where the credentials are, not what they are (issue 16, items 11 and 12).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // the scripts and the modes they set are Linux's
public sealed class RunCommandTests
{
    private static readonly TestEnvironment Env = TestEnvironment.Current;

    [Fact]
    public async Task The_run_commands_trace_viewer_refuses_the_ui_the_api_and_otlp_without_their_keys()
    {
        var work = Directory.CreateTempSubdirectory("coop-dashboard-").FullName;
        var (ui, grpc, http) = (ServiceProcess.FreePort(), ServiceProcess.FreePort(), ServiceProcess.FreePort());
        var secretsFile = Path.Combine(work, "dashboard", "secrets");
        var environment = new Dictionary<string, string>
        {
            ["COOP_RUN_DIR"] = Path.Combine(work, "run"),
            ["COOP_DASHBOARD_SECRETS"] = secretsFile,
            ["COOP_DASHBOARD_DIR"] = Path.Combine(Env.RepoRoot, ".data", "tools", "aspire-dashboard"),
            ["COOP_BROKER_SECRETS"] = Path.Combine(work, "broker-secrets"),
            ["COOP_CLIENT_SECRETS"] = Path.Combine(work, "client-secrets"),
        };
        // infra/run's defaults: COOP_DASHBOARD_AUTH is not set, exactly as the run command leaves it.
        var started = await BashAsync($"start_dashboard {ui} {grpc} {http} '{work}/dashboard.log' 60", environment);
        try
        {
            Assert.True(started.ExitCode == 0, "start_dashboard failed:\n" + started.Output);
            var secrets = File.ReadAllLines(secretsFile).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secretsFile));

            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(10) };
            var uiBase = $"http://127.0.0.1:{ui}";

            // Telemetry API: refused without the key, answered with it.
            using (var anonymous = await client.GetAsync($"{uiBase}/api/telemetry/traces"))
                Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            using (var wrongKey = await SendAsync(client, HttpMethod.Get, $"{uiBase}/api/telemetry/traces", ("x-api-key", "not-the-key")))
                Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
            using (var withKey = await SendAsync(client, HttpMethod.Get, $"{uiBase}/api/telemetry/traces", ("x-api-key", secrets["api-key"])))
                Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);

            // UI: a page sends a stranger to the sign-in page; the browser token signs in (a cookie).
            using (var page = await client.GetAsync($"{uiBase}/traces"))
            {
                Assert.True(page.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.Unauthorized,
                    $"the UI answered a stranger {(int)page.StatusCode}");
                if (page.Headers.Location is { } location) Assert.Contains("login", location.OriginalString, StringComparison.OrdinalIgnoreCase);
            }
            using (var signIn = await client.GetAsync($"{uiBase}/login?t={secrets["browser-token"]}"))
                Assert.Contains(signIn.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.Contains("Aspire", StringComparison.OrdinalIgnoreCase));

            // OTLP/HTTP: an export without the key is refused, with it accepted.
            var empty = Array.Empty<byte>();
            using (var anonymousExport = await ExportAsync(client, http, empty, key: null))
                Assert.Equal(HttpStatusCode.Unauthorized, anonymousExport.StatusCode);
            using (var keyedExport = await ExportAsync(client, http, empty, secrets["otlp-api-key"]))
                Assert.Equal(HttpStatusCode.OK, keyedExport.StatusCode);

            // What services are given to export with (coop_service_env): the same key.
            var serviceEnv = await BashAsync("coop_service_env registry | grep ^OTEL_EXPORTER_OTLP_HEADERS=", environment);
            Assert.Equal($"OTEL_EXPORTER_OTLP_HEADERS=x-otlp-api-key={secrets["otlp-api-key"]}", serviceEnv.Output.Trim());
        }
        finally
        {
            await BashAsync("coop_stop dashboard 10", environment);
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task The_run_commands_data_directory_and_the_files_its_processes_create_are_the_owners_only()
    {
        var work = Directory.CreateTempSubdirectory("coop-private-").FullName;
        try
        {
            var data = Path.Combine(work, ".data");
            Directory.CreateDirectory(data);
            File.SetUnixFileMode(data, (UnixFileMode)0b111_101_101); // 0755, as an older run left it
            var old = Path.Combine(data, "old.log");
            await File.WriteAllTextAsync(old, "x");
            File.SetUnixFileMode(old, (UnixFileMode)0b110_100_100); // 0644

            var environment = new Dictionary<string, string> { ["COOP_RUN_DIR"] = Path.Combine(data, "run") };
            var result = await BashAsync(
                $"coop_private_dir '{data}' && coop_spawn writer '{data}/logs/writer.log' bash -c 'echo row > \"$0\"' '{data}/db.sqlite'"
                + " && while coop_group_alive \"$(coop_pid_of writer)\"; do sleep 0.1; done", environment);
            Assert.True(result.ExitCode == 0, result.Output);

            const UnixFileMode ownerRw = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(data));
            Assert.Equal(ownerRw, File.GetUnixFileMode(old));
            Assert.Equal(ownerRw, File.GetUnixFileMode(Path.Combine(data, "logs", "writer.log")));
            Assert.Equal(ownerRw, File.GetUnixFileMode(Path.Combine(data, "db.sqlite")));
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task The_run_commands_summary_says_where_credentials_are_never_their_values()
    {
        var work = Directory.CreateTempSubdirectory("coop-summary-").FullName;
        try
        {
            var broker = Path.Combine(work, "broker-secrets");
            var clients = Path.Combine(work, "client-secrets");
            await File.WriteAllTextAsync(broker, "admin=AdminPasswordValue1\nregistry=RegistryPasswordValue2\n");
            await File.WriteAllTextAsync(clients, "registry-desk=RegistryDeskSecretValue3\n");
            var environment = new Dictionary<string, string>
            {
                ["COOP_BROKER_SECRETS"] = broker,
                ["COOP_CLIENT_SECRETS"] = clients,
                ["COOP_DASHBOARD_SECRETS"] = Path.Combine(work, "dashboard-secrets"),
                ["COOP_DASHBOARD_PORT"] = "18888",
                ["COOP_BROKER_MANAGEMENT_PORT"] = "15680",
            };
            var summary = await BashAsync("coop_print_run_summary 1.0 0", environment);
            Assert.True(summary.ExitCode == 0, summary.Output);
            Assert.Contains(broker, summary.Output);
            Assert.Contains(clients, summary.Output);
            foreach (var secret in new[] { "AdminPasswordValue1", "RegistryPasswordValue2", "RegistryDeskSecretValue3" })
                Assert.DoesNotContain(secret, summary.Output);
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, url);
        foreach (var (name, value) in headers) request.Headers.Add(name, value);
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> ExportAsync(HttpClient client, int port, byte[] body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}/v1/traces") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        if (key is not null) request.Headers.Add("x-otlp-api-key", key);
        return await client.SendAsync(request);
    }

    /// <summary>Runs a bash snippet with infra/lib sourced the way infra/run sources it.</summary>
    private static async Task<(int ExitCode, string Output)> BashAsync(string script, IReadOnlyDictionary<string, string> environment)
    {
        var lib = Path.Combine(Env.RepoRoot, "infra", "lib");
        var info = new ProcessStartInfo("bash", ["-c",
            $"set -euo pipefail; for f in common broker dashboard services; do . '{lib}/'$f.sh; done; coop_services_defaults; {script}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["COOP_REPO_ROOT"] = Env.RepoRoot;
        info.Environment.Remove("COOP_DASHBOARD_AUTH");
        foreach (var (key, value) in environment) info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
