using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Platform;
using RabbitMQ.Client;
using Xunit.Abstractions;

namespace Cooperation.EndToEnd.Tests.Resilience;

/// <summary>
/// Issue 12 §3, the fault suite: a partner submits and drives requests through the gateway at a steady rate while the
/// suite, in a seeded random order, SIGKILLs each process (gateway, Registry, Prosecutor, each State) and starts it
/// again, kills some of them again during their start-up, stops and starts the broker, stops PostgreSQL for a while,
/// sends a poison message and makes a consumer slow (its process frozen with SIGSTOP). Afterwards every request is
/// consistent at both ends, delivered exactly once to the right State, every outbox is drained, every audit chain
/// verifies, and the poison message waits in the error queue with its reason. It prints what it injected and what it
/// verified (here and in TestResults/infra-test/fault-suite.log, which infra/test prints), then one summary line.
/// A broker node and a PostgreSQL cluster of its own (nodes.sh), so the rest of the suite keeps its own; the cluster
/// commits synchronously, as in production (a test cluster that does not would lose acknowledged commits when it is
/// crashed, and the suite would blame the services). COOP_FAULT_SEED=N repeats a run's order of faults.
/// </summary>
[Collection(ResilienceCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class FaultSuiteTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("coop-faults-").FullName;
    private readonly PostgresNode _postgres = new();
    private BrokerNode _broker = null!;
    private ResiliencePlatform _platform = null!;
    private readonly StringBuilder _report = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public async Task InitializeAsync()
    {
        _broker = BrokerNode.Create(_data, "broker");
        await Task.WhenAll(_broker.StartAsync(), _postgres.StartAsync());
        _platform = new ResiliencePlatform(instances: 1, postgresServer: _postgres.ConnectionString)
        {
            ManagementPort = _broker.ManagementPort,
            BrokerSettings = _ => new() { ["Broker__Host"] = "127.0.0.1", ["Broker__Port"] = _broker.AmqpPort.ToString() },
        };
        await _platform.StartAsync();
    }

    public async Task DisposeAsync()
    {
        // The private broker and cluster go whatever happened before (nothing of this test outlives it).
        try
        {
            if (_platform is not null) await _platform.DisposeAsync();
        }
        finally
        {
            if (_broker is not null) await _broker.StopAsync();
            await _postgres.RemoveAsync();
            try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
            await File.WriteAllTextAsync(Path.Combine(ResultsDirectory, "fault-suite.log"), _report.ToString());
        }
    }

    private static string ResultsDirectory =>
        Directory.CreateDirectory(Path.Combine(TestEnvironment.Current.RepoRoot, "TestResults", "infra-test")).FullName;

    private void Say(string line)
    {
        var text = $"fault suite [{_clock.Elapsed.TotalSeconds,6:F1}s] {line}";
        lock (_report) _report.AppendLine(text);
        output.WriteLine(text);
    }

    [Fact]
    public async Task Nothing_is_lost_duplicated_or_misrouted_while_processes_broker_and_database_fail()
    {
        var seed = System.Environment.GetEnvironmentVariable("COOP_FAULT_SEED") is { Length: > 0 } s ? int.Parse(s) : Random.Shared.Next(1, 1_000_000);
        var random = new Random(seed);
        Say($"seed {seed} (COOP_FAULT_SEED={seed} repeats this order of faults)");

        // --- the steady partner: three desks, each starting a new request once its last one is acknowledged ---------
        var flows = new List<PartnerLoad.Flow>();
        var failures = new List<string>();
        var load = new PartnerLoad(_platform, TimeSpan.FromSeconds(120));
        using var stop = new CancellationTokenSource();
        var desks = Enumerable.Range(0, 3).Select(desk => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                PartnerLoad.Flow flow;
                lock (flows)
                {
                    var n = flows.Count;
                    flow = new PartnerLoad.Flow(n, n % 3 == 2 ? "prosecutor" : "registry", ResiliencePlatform.States[n % 2], WithAlert: false);
                    flows.Add(flow);
                }
                try
                {
                    await load.RunAsync(flow);
                }
                catch (Exception e) when (e is TimeoutException or InvalidOperationException)
                {
                    lock (failures) failures.Add($"request {flow.Number}: {e.Message}");
                }
                await Task.Delay(500);
            }
        })).ToList();

        // --- the faults, in a seeded random order, one after the other with the load running between them -----------
        var services = new[] { "gateway", "registry-1", "prosecutor-1", "state-uga", "state-zaf" };
        var faults = new List<Func<Task<string>>>();
        foreach (var service in services) faults.Add(() => KillAndRestartAsync(service));
        foreach (var service in services.OrderBy(_ => random.Next()).Take(2))
            faults.Add(() => KillDuringStartupAsync(service, random.Next(300, 3000)));
        faults.Add(StopAndStartBrokerAsync);
        faults.Add(StopPostgresForAWhileAsync);
        faults.Add(() => SlowConsumerAsync(random.Next(2) == 0 ? "state-uga" : "state-zaf"));
        var poisonId = Guid.NewGuid();
        faults.Add(() => SendPoisonAsync(poisonId));
        faults = faults.OrderBy(_ => random.Next()).ToList();

        // Each fault takes its own time (a restart waits for /health): short pauses keep the suite to a few minutes.
        var injected = 0;
        foreach (var fault in faults)
        {
            await Task.Delay(random.Next(1000, 4000));
            Say("injected: " + await fault());
            injected++;
        }
        await Task.Delay(TimeSpan.FromSeconds(5));
        stop.Cancel();
        Say("fault phase over; the partner finishes the requests it started");
        await Task.WhenAll(desks);

        // --- what must hold afterwards ----------------------------------------------------------------------------------
        var consistency = new Consistency(_platform);
        await consistency.CheckAsync(flows, TimeSpan.FromSeconds(60));
        // A desk's failure is a request it could not finish; it counts as lost only if it did not end Acknowledged.
        var lost = consistency.Lost;
        Say($"verified: {flows.Count} requests, each Acknowledged at its organ and at its State, every step once in the organ's history, " +
            $"one copy at the right State and none at the other ({load.Retries} partner retries with the same Idempotency-Key)");
        Say("verified: no message applied twice (inbox), every outbox drained (registry, prosecutor, state-uga, state-zaf), " +
            "every audit chain verifies (/operations/.../audit/verify)" + (consistency.Problems.Count == 0 ? "" : " — NOT: see problems below"));
        var parked = await PoisonParkedAsync(poisonId);
        Say($"verified: the poison message {poisonId} waits in registry.from-state-uga_error with its reason: {parked}");
        // Nothing else parked or left behind: a fault is retried until it passes, never moved aside.
        // (The management API's counts lag by a few seconds: asked again until they settle.)
        List<(string Name, int Messages)> waiting;
        var settled = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        do
        {
            waiting = (await _platform.QueuesAsync())
                .Select(q => (Name: (string)q["name"]!, Messages: (int?)q["messages"] ?? 0))
                .Where(q => q.Messages > (q.Name == "registry.from-state-uga_error" ? 1 : 0)).ToList();
            if (waiting.Count > 0) await Task.Delay(1000);
        } while (waiting.Count > 0 && DateTime.UtcNow < settled);
        foreach (var (name, messages) in waiting)
            consistency.Problems.Add($"{messages} message(s) left in {name}" + (name.EndsWith("_error") ? await FaultReasonsAsync(name) : ""));
        if (waiting.Count == 0) Say("verified: every other queue is empty (no message parked in an error queue, none left unconsumed)");
        foreach (var problem in consistency.Problems.Concat(failures)) Say("problem: " + problem);
        Say($"summary: injected faults {injected}, requests {flows.Count}, lost {lost}, duplicated {consistency.Duplicated}, misrouted {consistency.Misrouted}");

        if (failures.Count > 0 || consistency.Problems.Count > 0)
            await File.WriteAllTextAsync(Path.Combine(ResultsDirectory, "fault-suite-processes.log"), _platform.Output);
        Assert.True(failures.Count == 0 && consistency.Problems.Count == 0,
            string.Join("\n", failures.Concat(consistency.Problems)) + "\n(every process's output: TestResults/infra-test/fault-suite-processes.log)");
        Assert.Equal((0, 0, 0), (lost, consistency.Duplicated, consistency.Misrouted));
        Assert.True(flows.Count >= 20, $"only {flows.Count} requests: the load was not steady");
    }

    private async Task<string> KillAndRestartAsync(string service)
    {
        await _platform.KillAsync(service);
        var started = _clock.Elapsed;
        await _platform.RestartAsync(service);
        return $"SIGKILL {service}; restarted, healthy after {(_clock.Elapsed - started).TotalSeconds:F1}s";
    }

    private async Task<string> KillDuringStartupAsync(string service, int afterMs)
    {
        await _platform.KillAsync(service);
        await _platform.RestartAsync(service, waitHealthy: false);
        await Task.Delay(afterMs);
        var wasHealthy = await HealthyAsync(service);
        await _platform.KillAsync(service);
        var started = _clock.Elapsed;
        await _platform.RestartAsync(service);
        return $"SIGKILL {service}, restarted, SIGKILL again {afterMs} ms into its start-up ({(wasHealthy ? "already healthy" : "not yet healthy")}); " +
               $"restarted, healthy after {(_clock.Elapsed - started).TotalSeconds:F1}s";
    }

    private async Task<string> StopAndStartBrokerAsync()
    {
        await _broker.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(5));
        var started = _clock.Elapsed;
        await _broker.StartAsync();
        return $"broker stopped for 5 s, started again (ready after {(_clock.Elapsed - started).TotalSeconds:F1}s)";
    }

    private async Task<string> StopPostgresForAWhileAsync()
    {
        await _postgres.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(6));
        await _postgres.RestartAsync();
        return "PostgreSQL stopped (immediate, as in a crash) for 6 s, started again";
    }

    private async Task<string> SlowConsumerAsync(string service)
    {
        // A consumer that stops taking its messages for a while (a frozen process: GC pause, swapped out, stuck disk).
        var pid = _platform[service].ProcessId;
        PrivateNodes.Signal(pid, "STOP");
        await Task.Delay(TimeSpan.FromSeconds(6));
        var waiting = (int?)(await _platform.QueueAsync(service))["messages"] ?? 0;
        PrivateNodes.Signal(pid, "CONT");
        return $"slow consumer: {service} frozen (SIGSTOP) for 6 s with {waiting} messages waiting for it, then resumed";
    }

    /// <summary>As Uganda's node would send it (its own user, its own exchange): a report about a request nobody issued.</summary>
    private async Task<string> SendPoisonAsync(Guid messageId)
    {
        var now = DateTimeOffset.UtcNow;
        var envelope = new
        {
            messageId,
            messageType = new[] { "urn:message:Cooperation.Contracts.Requests:RequestDelivered" },
            message = new
            {
                requestId = Guid.NewGuid(), requestVersion = 1, senderOrgan = "State", classification = "Confidential", sentAt = now,
                readers = Array.Empty<string>(), stateCode = "UGA", deliveredAt = now,
            },
            sentTime = now,
            headers = new { },
        };
        var factory = new ConnectionFactory
        {
            HostName = "127.0.0.1", Port = _broker.AmqpPort, VirtualHost = _platform.StateVirtualHost("UGA"),
            UserName = "state-uga", Password = TestEnvironment.Current.BrokerPassword("state-uga"),
        };
        await using var connection = await factory.CreateConnectionAsync("fault-suite-poison");
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.BasicPublishAsync("state-uga.to-registry", "", mandatory: false,
            new BasicProperties { MessageId = messageId.ToString(), ContentType = "application/vnd.masstransit+json", Persistent = true },
            Encoding.UTF8.GetBytes(JsonSerializer.Serialize(envelope, Json.Options)));
        return $"poison message {messageId} (a report about a request the Registry never issued) on state-uga.to-registry";
    }

    private async Task<string> PoisonParkedAsync(Guid messageId)
    {
        using var operatorClient = _platform.OperatorClient();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var detail = await operatorClient.GetAsync($"/operations/registry/error-queue/{messageId}");
                last = $"{(int)detail.StatusCode} {await detail.Content.ReadAsStringAsync()}";
                if (detail.IsSuccessStatusCode)
                {
                    var headers = JsonNode.Parse(last[4..])!["headers"]!;
                    var reason = $"{(string?)headers["MT-Fault-ExceptionType"]}: {(string?)headers["MT-Fault-Message"]}";
                    Assert.Contains("UnknownRequestException", reason);
                    return reason;
                }
            }
            catch (HttpRequestException e) { last = e.GetType().Name; }
            await Task.Delay(500);
        }
        Assert.Fail($"the poison message {messageId} is not in the Registry's error queue; last answer: {last}");
        return "";
    }

    /// <summary>Why the messages in an organ's error queue failed (the operator tool's list: ids and fault, never a body).</summary>
    private async Task<string> FaultReasonsAsync(string errorQueue)
    {
        var organ = errorQueue.Split('.', '_')[0];
        if (organ is not ("registry" or "prosecutor" or "assembly")) return "";
        try
        {
            using var operatorClient = _platform.OperatorClient();
            var page = JsonNode.Parse(await operatorClient.GetStringAsync($"/operations/{organ}/error-queue"))!;
            var reasons = page["items"]!.AsArray()
                .Where(m => (string?)m!["queue"] == errorQueue)
                .Select(m => $"{(string?)m!["messageTypes"]?[0]} {(string?)m["requestId"]}: {(string?)m["faultExceptionType"]}: {(string?)m["faultMessage"]}");
            return ": " + string.Join("; ", reasons);
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or NullReferenceException)
        {
            return $" (their reasons could not be read: {e.GetType().Name})";
        }
    }

    private async Task<bool> HealthyAsync(string service)
    {
        using var http = new HttpClient { BaseAddress = _platform[service].BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        try { return (await http.GetAsync("/health")).IsSuccessStatusCode; }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return false; }
    }

}
