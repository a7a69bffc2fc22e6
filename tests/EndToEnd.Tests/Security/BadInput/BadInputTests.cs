using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Audit;
using Cooperation.EndToEnd.Tests.Delivery;
using Cooperation.EndToEnd.Tests.Platform;
using Cooperation.EndToEnd.Tests.Requests;
using Xunit.Abstractions;

namespace Cooperation.EndToEnd.Tests.Security.BadInput;

/// <summary>
/// Bad input, everywhere (issue 5): every case of <see cref="BadInputCases"/> gets its status as a
/// ProblemDetails without internal detail, and changes nothing in any service's store or audit
/// log. Replays of a command are answered from the first answer (same key) or refused (409).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class BadInputTests(PlatformFixture platform, ITestOutputHelper output)
{
    private static readonly string[] Stores = ["registry", "prosecutor", "state-uga", "state-zaf"];

    /// <summary>What must not leak into an answer: stack traces, exception names, file paths, SQL, drivers.</summary>
    private static readonly string[] Leaks =
        ["   at ", "Exception", ".cs:line", "/work/", "/home/", "/tmp/", "SELECT ", "INSERT ", "UPDATE ", "SQLite", "Npgsql", "Microsoft."];

    [Fact]
    public async Task Every_bad_input_is_refused_as_problem_details_and_changes_nothing()
    {
        var ids = await PrepareAsync();
        var tokens = new Tokens(platform);
        var cases = BadInputCases.All();
        var failures = new List<string>();
        var minted = new Dictionary<(Caller, string), string>();

        // Travel alerts' acknowledgement clocks (20 s in the fixture) left by earlier tests fire on their own and
        // commit at the Registry: let them fall first, so that any change seen below is a case's.
        await Alerts.AlertFlow.WaitForAlertClocksAsync(platform);
        var before = await QuietSnapshotAsync();
        async Task<(HttpResponseMessage Response, string Body)> SendAsync(BadInputCase c)
        {
            var token = await TokenAsync(c, tokens, minted);
            using var client = PlatformFixture.CreateClient(BaseOf(c.Target), token);
            var path = ids.Aggregate(c.Path, (p, id) => p.Replace("{" + id.Key + "}", id.Value));
            using var request = new HttpRequestMessage(new HttpMethod(c.Method),
                new Uri(BaseOf(c.Target) + path.TrimStart('/'), new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }));
            if (c.Body is not null)
            {
                // The header exactly as the case gives it (parameters, bad charsets and all), not as .NET would write it.
                request.Content = new StringContent(c.Body, Encoding.UTF8);
                request.Content.Headers.Remove("Content-Type");
                request.Content.Headers.TryAddWithoutValidation("Content-Type", c.ContentType);
                // As a careful client sends a large body (curl does above 1 MiB): the 413 comes before the body is
                // sent. Without it the refusal races the upload and the client may see only a reset connection.
                if (c.Body.Length > 64 * 1024) request.Headers.ExpectContinue = true;
            }
            var response = await client.SendAsync(request);
            return (response, await response.Content.ReadAsStringAsync());
        }

        foreach (var c in cases)
        {
            var (response, body) = await SendAsync(c);
            List<string> problems;
            var accepted = (int)response.StatusCode < 400;
            using (response) problems = Judge(c, response, body);
            var after = await SnapshotAsync();
            if (!after.SequenceEqual(before) && accepted)
            {
                problems.Add($"stores changed: {string.Join(", ", before)} -> {string.Join(", ", after)}");
                before = after;
            }
            else if (!after.SequenceEqual(before))
            {
                // The platform's own clocks (the fixture's President's-letter reminders fire every 30 s) also commit: the
                // change is the case's only if sending it again, between two quiet snapshots, changes the stores too
                // (a refused case; an accepted one is reported above, as its replay could be refused and hide it).
                string? change = null;
                for (var attempt = 0; attempt < 3; attempt++)
                {
                    var settled = await QuietSnapshotAsync();
                    (await SendAsync(c)).Response.Dispose();
                    after = await SnapshotAsync();
                    if (after.SequenceEqual(settled)) { change = null; break; }
                    change = $"stores changed: {string.Join(", ", settled)} -> {string.Join(", ", after)}";
                }
                if (change is not null) problems.Add(change);
                before = after;
            }
            if (problems.Count > 0) failures.Add($"{c}: {string.Join("; ", problems)}");
        }

        // The audit chains are intact too (the operator's view of the same "nothing changed").
        foreach (var service in Stores)
        {
            var verified = await new AuditLog(platform, service).VerifyAsync();
            if (!(bool)verified["ok"]!) failures.Add($"{service}: audit chain broken: {verified.ToJsonString()}");
        }

        var summary = $"bad-input cases tried: {cases.Count}, failed: {failures.Count}";
        output.WriteLine(summary);
        foreach (var failure in failures) output.WriteLine("  " + failure);
        await WriteSummaryAsync(summary);
        Assert.True(failures.Count == 0, summary + Environment.NewLine + string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task A_replayed_command_gets_the_first_answer_with_the_same_key_and_409_without_one_and_changes_nothing()
    {
        using var registry = platform.CreatePartnerClient("registry", "state:UGA");
        var flow = new DeliveryFlow(platform);
        var id = await flow.DraftAsync(registry);
        var key = Guid.NewGuid().ToString();

        using var first = await DeliveryFlow.PostAsync(registry, $"/registry/requests/{id}/transmit", null, key);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await flow.WaitForRegistryAsync(registry, id, "Delivered");
        var settled = await QuietSnapshotAsync();

        using var replay = await DeliveryFlow.PostAsync(registry, $"/registry/requests/{id}/transmit", null, key);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());

        using var again = await registry.PostAsync($"/registry/requests/{id}/transmit", null);
        var problems = Judge(new BadInputCase("second transmit without a key", Target.Gateway, "POST", "", Caller.Registry, 409),
            again, await again.Content.ReadAsStringAsync());
        Assert.True(problems.Count == 0, string.Join("; ", problems));

        using var acknowledged = await registry.PostJsonAsync($"/states/UGA/requests/{id}/acknowledge", new { acknowledgedBy = "desk 2" });
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        await flow.WaitForRegistryAsync(registry, id, "Acknowledged");
        var afterAcknowledge = await QuietSnapshotAsync();
        using var acknowledgedAgain = await registry.PostJsonAsync($"/states/UGA/requests/{id}/acknowledge", new { acknowledgedBy = "desk 2" });
        problems = Judge(new BadInputCase("second acknowledge", Target.Gateway, "POST", "", Caller.Uganda, 409),
            acknowledgedAgain, await acknowledgedAgain.Content.ReadAsStringAsync());
        Assert.True(problems.Count == 0, string.Join("; ", problems));

        Assert.NotEqual(settled, afterAcknowledge); // the control: the acknowledgement itself did change the stores
        Assert.Equal(afterAcknowledge, await SnapshotAsync());
        output.WriteLine("replay cases tried: 3 (same key, second transmit without a key, second acknowledge)");
    }

    private static List<string> Judge(BadInputCase c, HttpResponseMessage response, string body)
    {
        var problems = new List<string>();
        if ((int)response.StatusCode != c.Status) problems.Add($"got {(int)response.StatusCode}: {Clip(body)}");
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            problems.Add($"content type '{response.Content.Headers.ContentType}'");
        else
        {
            try
            {
                var problem = JsonNode.Parse(body)!.AsObject();
                if ((int?)problem["status"] != (int)response.StatusCode) problems.Add("problem status differs from the HTTP status");
                if (c.TypeSuffix is { } suffix && !((string?)problem["type"] ?? "").EndsWith(suffix, StringComparison.Ordinal))
                    problems.Add($"type '{problem["type"]}' does not end with {suffix}");
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
            {
                problems.Add("body is not a JSON object");
            }
        }
        foreach (var leak in Leaks.Where(l => body.Contains(l, StringComparison.Ordinal))) problems.Add($"body leaks '{leak}'");
        return problems;
    }

    /// <summary>Ids the cases point at: a Registry draft, a Prosecutor draft, a request delivered to Uganda, one delivered to South Africa.</summary>
    private async Task<Dictionary<string, string>> PrepareAsync()
    {
        using var desk = platform.CreatePartnerClient("registry");
        using var prosecutor = platform.CreatePartnerClient("prosecutor");
        var flow = new DeliveryFlow(platform);

        async Task<string> Draft(HttpClient client, string path, object body)
        {
            using var response = await client.PostJsonAsync(path, body);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (string)(await response.ReadObjectAsync())["id"]!;
        }
        async Task<string> Delivered(string state)
        {
            var id = await Draft(desk, "/registry/requests", Samples.ArrestAndSurrender(state));
            using var transmitted = await desk.PostAsync($"/registry/requests/{id}/transmit", null);
            Assert.Equal(HttpStatusCode.OK, transmitted.StatusCode);
            await flow.WaitForRegistryAsync(desk, id, "Delivered");
            return id;
        }

        return new Dictionary<string, string>
        {
            ["draft"] = await Draft(desk, "/registry/requests", Samples.ArrestAndSurrender("UGA")),
            ["prosecutorDraft"] = await Draft(prosecutor, "/prosecutor/requests",
                new { kind = "OtherAssistance", stateCode = "UGA", classification = "Confidential", language = "en" }),
            ["uga"] = await Delivered("UGA"),
            ["zaf"] = await Delivered("ZAF"),
        };
    }

    private async Task<string?> TokenAsync(BadInputCase c, Tokens tokens, Dictionary<(Caller, string), string> minted)
    {
        var scope = c.Path.StartsWith("/registry", StringComparison.Ordinal) ? "registry"
            : c.Path.StartsWith("/prosecutor", StringComparison.Ordinal) ? "prosecutor"
            : "state:UGA";
        switch (c.Caller)
        {
            case Caller.None: return null;
            case Caller.Garbage: return "not.a.token";
            case Caller.Registry: return platform.TokenOf("registry-desk");
            case Caller.Prosecutor: return platform.TokenOf("prosecutor-desk");
            case Caller.Uganda: return platform.TokenOf("state-uga-cms");
            case Caller.SouthAfrica: return platform.TokenOf("state-zaf-cms");
            case Caller.Public: return platform.TokenOf("public-reader");
            case Caller.Operator: return platform.TokenOf(AuditLog.Operator);
        }
        if (minted.TryGetValue((c.Caller, scope), out var token)) return token;
        // Minted with the flaw alone: the right scope for the route, so the flaw is the only reason to refuse.
        token = c.Caller switch
        {
            Caller.Expired => await tokens.MintAsync(scope, expiresIn: TimeSpan.FromMinutes(-1)),
            Caller.Forged => await tokens.MintAsync(scope, forged: true),
            Caller.WrongAudience => await tokens.MintAsync(scope, audience: "some-other-api"),
            _ => throw new ArgumentOutOfRangeException(nameof(c), c.Caller, null),
        };
        minted[(c.Caller, scope)] = token;
        return token;
    }

    private Uri BaseOf(Target target) => target switch
    {
        Target.Gateway => platform.Gateway.BaseAddress,
        Target.Registry => platform.Service("registry").BaseAddress,
        Target.Prosecutor => platform.Service("prosecutor").BaseAddress,
        Target.Uganda => platform.Service("state-uga").BaseAddress,
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };

    /// <summary>Per service: requests, history, outbox rows, audit entries and the audit head's hash.</summary>
    private async Task<List<string>> SnapshotAsync()
    {
        var snapshot = new List<string>();
        foreach (var service in Stores)
        {
            var row = await platform.Database(service).StringsAsync(
                """
                SELECT 'requests=' || (SELECT COUNT(*) FROM requests)
                    || ' history=' || (SELECT COUNT(*) FROM request_history)
                    || ' outbox=' || (SELECT COUNT(*) FROM outbox_messages)
                    || ' inbox=' || (SELECT COUNT(*) FROM inbox_messages)
                    || ' audit=' || (SELECT COUNT(*) FROM audit_log)
                    || ' head=' || COALESCE((SELECT "Hash" FROM audit_log ORDER BY "Sequence" DESC LIMIT 1), '')
                """);
            snapshot.Add($"{service}: {row.Single()}");
        }
        return snapshot;
    }

    /// <summary>Waits until no message is in flight (the same snapshot twice, a moment apart), so any later change is a case's.</summary>
    private async Task<List<string>> QuietSnapshotAsync()
    {
        var deadline = DateTime.UtcNow + DeliveryFlow.Soon;
        var last = await SnapshotAsync();
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(750);
            var now = await SnapshotAsync();
            if (now.SequenceEqual(last)) return now;
            last = now;
        }
        throw new TimeoutException("the platform did not settle: " + string.Join(", ", last));
    }

    private async Task WriteSummaryAsync(string summary)
    {
        var logs = Path.Combine(platform.Environment.RepoRoot, ".data", "test-logs");
        Directory.CreateDirectory(logs);
        await File.WriteAllTextAsync(Path.Combine(logs, "bad-input-summary.txt"), summary + Environment.NewLine);
        Console.WriteLine(summary);
    }

    private static string Clip(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
