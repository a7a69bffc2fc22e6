using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Audit;
using Cooperation.EndToEnd.Tests.Delivery;
using Cooperation.EndToEnd.Tests.Platform;
using Cooperation.EndToEnd.Tests.Requests;
using Xunit.Abstractions;

namespace Cooperation.EndToEnd.Tests.Security.BadInput;

/// <summary>
/// Issue 12 item 6, the door: <see cref="BadInputGenerator"/> makes a few hundred malformed requests from a seed
/// (printed; COOP_BAD_INPUT_SEED replays a run, COOP_BAD_INPUT_CASES changes how many) and sends each through the
/// gateway or straight to its service: random JSON shapes, wrong types, deep nesting, huge fields and bodies,
/// truncated bodies, unknown charsets and content types, bad header values, path tricks, forged, expired and tampered
/// tokens, and the gateway's token endpoint. Never a 5xx, never a success, always ProblemDetails (the token endpoint:
/// its RFC 6749 error object), no internal detail; every store and audit chain is the same afterwards.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class GeneratedBadInputTests(PlatformFixture platform, ITestOutputHelper output)
{
    private static readonly string[] Stores = ["registry", "prosecutor", "state-uga", "state-zaf", "assembly"];

    private static readonly string[] Leaks =
        ["   at ", "Exception", ".cs:line", "/work/", "/home/", "/tmp/", "SELECT ", "INSERT ", "UPDATE ", "SQLite", "Npgsql", "Microsoft."];

    [Fact]
    public async Task Generated_malformed_requests_never_get_a_5xx_always_problem_details_and_change_nothing()
    {
        var seed = BadInputGenerator.SeedFromEnvironment();
        var count = int.TryParse(Environment.GetEnvironmentVariable("COOP_BAD_INPUT_CASES"), out var n) && n > 0 ? n : 400;
        var header = $"generated bad input: seed {seed} (replay with COOP_BAD_INPUT_SEED={seed}), {count} cases";
        output.WriteLine(header);
        Console.WriteLine(header);

        var ids = await PrepareAsync();
        var tokens = await TokensAsync();
        var generator = new BadInputGenerator(seed, ids, (caller, scope) => tokens[(caller, scope)]);

        // Deadlines left by earlier tests (travel-alert acknowledgement clocks) commit on their own: let them fall first.
        await Alerts.AlertFlow.WaitForAlertClocksAsync(platform);
        var before = await QuietSnapshotAsync();
        var failures = new List<string>();
        var byFlaw = new Dictionary<Flaw, int>();
        var byStatus = new SortedDictionary<int, int>();
        var clock = Stopwatch.StartNew();
        var sinceSnapshot = new List<GeneratedCase>();
        var acceptedInBatch = false;
        for (var i = 0; i < count; i++)
        {
            var c = generator.Next();
            byFlaw[c.Flaw] = byFlaw.GetValueOrDefault(c.Flaw) + 1;
            var (status, problems) = await SendAsync(c);
            byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
            acceptedInBatch |= status is >= 200 and < 400;
            if (problems.Count > 0) failures.Add($"{c}: {string.Join("; ", problems)}");
            sinceSnapshot.Add(c);
            // Compare the stores every few cases, so a change is pinned to a handful of cases.
            if (sinceSnapshot.Count == 25 || i == count - 1)
            {
                var after = await SnapshotAsync();
                if (!after.SequenceEqual(before))
                {
                    // The platform's own clocks (the fixture's President's-letter reminders fire every 30 s) also commit:
                    // a change is the cases' only if sending the same cases again, on a quiet platform, changes it too.
                    // Not when a case was accepted: a replay could then be refused and hide what the first one wrote.
                    var (changed, settled) = acceptedInBatch
                        ? (after.Except(before).ToList(), after)
                        : await ChangedByReplayAsync(sinceSnapshot);
                    if (changed.Count > 0)
                        failures.Add($"stores changed during cases {sinceSnapshot[0].Number}..{sinceSnapshot[^1].Number}: " +
                                     string.Join(", ", changed));
                    after = settled;
                }
                before = after;
                sinceSnapshot.Clear();
                acceptedInBatch = false;
            }
        }

        foreach (var service in Stores)
        {
            var verified = await new AuditLog(platform, service).VerifyAsync();
            if (!(bool)verified["ok"]!) failures.Add($"{service}: audit chain broken: {verified.ToJsonString()}");
        }

        var summary = $"generated bad inputs: {count} (seed {seed}) in {clock.Elapsed.TotalSeconds:F0}s; by flaw: " +
                      string.Join(", ", byFlaw.OrderBy(f => f.Key).Select(f => $"{f.Key} {f.Value}")) +
                      "; by status: " + string.Join(", ", byStatus.Select(s => $"{s.Key}×{s.Value}")) +
                      $"; failed: {failures.Count}";
        output.WriteLine(summary);
        Console.WriteLine(summary);
        foreach (var failure in failures.Take(60)) output.WriteLine("  " + failure);
        Assert.True(failures.Count == 0, summary + Environment.NewLine + string.Join(Environment.NewLine, failures.Take(60)));
    }

    /// <summary>
    /// Sends the cases again between two quiet snapshots, up to three times; what they change then (empty: nothing,
    /// so the first change was background work) and the snapshot to go on from.
    /// </summary>
    private async Task<(List<string> Changed, List<string> Settled)> ChangedByReplayAsync(IReadOnlyList<GeneratedCase> cases)
    {
        var changed = new List<string>();
        var settled = await QuietSnapshotAsync();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            foreach (var c in cases) await SendAsync(c);
            var after = await SnapshotAsync();
            changed = after.Except(settled).ToList();
            if (changed.Count == 0) return ([], after);
            // Changed again: the cases, or another tick of a clock; settle and try once more before saying so.
            settled = await QuietSnapshotAsync();
        }
        return (changed, settled);
    }

    private async Task<(int Status, List<string> Problems)> SendAsync(GeneratedCase c)
    {
        var baseAddress = c.Door.Target switch
        {
            Target.Gateway => platform.Gateway.BaseAddress,
            Target.Registry => platform.Service("registry").BaseAddress,
            Target.Prosecutor => platform.Service("prosecutor").BaseAddress,
            Target.Uganda => platform.Service("state-uga").BaseAddress,
            Target.Assembly => platform.Assembly.BaseAddress,
            _ => throw new ArgumentOutOfRangeException(nameof(c)),
        };
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(new HttpMethod(c.Method),
            new Uri(baseAddress + c.Path.TrimStart('/'), new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (c.Token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", c.Token);
        foreach (var (name, value) in c.Headers) request.Headers.TryAddWithoutValidation(name, value);
        if (c.Body is not null)
        {
            // The header exactly as generated (bad charsets, unparseable values, or none), not as .NET would write it.
            request.Content = new StringContent(c.Body, Encoding.UTF8);
            request.Content.Headers.Remove("Content-Type");
            if (c.ContentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", c.ContentType);
        }

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request);
        }
        catch (HttpRequestException e)
        {
            return (0, [$"no answer: {e.Message}"]);
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            return ((int)response.StatusCode, Judge(c, response, body));
        }
    }

    private static List<string> Judge(GeneratedCase c, HttpResponseMessage response, string body)
    {
        var problems = new List<string>();
        var status = (int)response.StatusCode;
        if (status >= 500) problems.Add($"server error {status}: {Clip(body)}");
        else if (status < 400) problems.Add($"accepted ({status}): {Clip(body)}");
        else if (c.Expected is { } expected && status != expected) problems.Add($"got {status}, not {expected}: {Clip(body)}");

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (c.Path.Contains("%00", StringComparison.Ordinal) && status == 400 && body.Length == 0)
        {
            // A NUL in the request target is refused by Kestrel itself (its request-line check: a bare 400, no body)
            // before any code of ours runs, at the gateway and at a service alike; nothing can be written.
        }
        else if (mediaType == "application/problem+json")
        {
            try
            {
                var problem = JsonNode.Parse(body)!.AsObject();
                if ((int?)problem["status"] != status) problems.Add("problem status differs from the HTTP status");
                if (string.IsNullOrEmpty((string?)problem["type"])) problems.Add("problem without a type");
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
            {
                problems.Add("problem body is not a JSON object");
            }
        }
        else if (c.IsTokenEndpoint && mediaType == "application/json" && body.Contains("\"error\"", StringComparison.Ordinal))
        {
            // RFC 6749 §5.2: the token endpoint answers its own error object.
        }
        else problems.Add($"content type '{response.Content.Headers.ContentType}': {Clip(body)}");

        foreach (var leak in Leaks.Where(l => body.Contains(l, StringComparison.Ordinal))) problems.Add($"body leaks '{leak}'");
        return problems;
    }

    /// <summary>A Registry draft, a request delivered to Uganda, and an Assembly case id that no case has.</summary>
    private async Task<Dictionary<string, string>> PrepareAsync()
    {
        using var desk = platform.CreatePartnerClient("registry");
        var flow = new DeliveryFlow(platform);
        async Task<string> Draft()
        {
            using var response = await desk.PostJsonAsync("/registry/requests", Samples.ArrestAndSurrender("UGA"));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (string)(await response.ReadObjectAsync())["id"]!;
        }
        var draft = await Draft();
        var delivered = await Draft();
        using (var transmitted = await desk.PostAsync($"/registry/requests/{delivered}/transmit", null))
            Assert.Equal(HttpStatusCode.OK, transmitted.StatusCode);
        await flow.WaitForRegistryAsync(desk, delivered, "Delivered");
        return new() { ["draft"] = draft, ["uga"] = delivered, ["case"] = Guid.NewGuid().ToString() };
    }

    /// <summary>The partners' real tokens, and per scope one expired, one forged and one for another audience.</summary>
    private async Task<Dictionary<(Caller, string), string>> TokensAsync()
    {
        var tokens = new Dictionary<(Caller, string), string>
        {
            [(Caller.Registry, "registry")] = platform.TokenOf("registry-desk"),
            [(Caller.Prosecutor, "prosecutor")] = platform.TokenOf("prosecutor-desk"),
            [(Caller.Uganda, "state:UGA")] = platform.TokenOf("state-uga-cms"),
            [(Caller.Assembly, "assembly")] = platform.TokenOf("assembly-secretariat"),
        };
        var minter = new Tokens(platform);
        foreach (var scope in new[] { "registry", "prosecutor", "state:UGA", "assembly" })
        {
            tokens[(Caller.Expired, scope)] = await minter.MintAsync(scope, expiresIn: TimeSpan.FromMinutes(-1));
            tokens[(Caller.Forged, scope)] = await minter.MintAsync(scope, forged: true);
            tokens[(Caller.WrongAudience, scope)] = await minter.MintAsync(scope, audience: "some-other-api");
        }
        return tokens;
    }

    /// <summary>Per service: the row count of every table (the idempotency store aside: its purger deletes on its own) and the audit head.</summary>
    private async Task<List<string>> SnapshotAsync()
    {
        var snapshot = new List<string>();
        foreach (var service in Stores)
        {
            var db = platform.Database(service);
            var tables = (await db.StringsAsync(db.IsPostgres
                    ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                    : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
                .Where(t => !t.Contains("idempotency", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
            var counts = string.Join(" || ' ' || ", tables.Select(t => $"'{t}=' || (SELECT COUNT(*) FROM \"{t}\")"));
            var row = await db.StringsAsync(
                $"SELECT {counts} || ' head=' || COALESCE((SELECT \"Hash\" FROM audit_log ORDER BY \"Sequence\" DESC LIMIT 1), '')");
            snapshot.Add($"{service}: {row.Single()}");
        }
        return snapshot;
    }

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

    private static string Clip(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
