using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Platform;

namespace Cooperation.EndToEnd.Tests.Resilience;

/// <summary>
/// What must hold once the load is over, however it went (issue 12): every request is in the same state at both ends,
/// reached the right State exactly once and no other State, every outbox is drained, and every audit chain verifies.
/// <para>Lost: a request not Acknowledged at the organ and at its State. Duplicated: a step recorded twice in the
/// organ's history, or a message applied twice (more than one inbox row for one message id and consumer, more than
/// one State copy). Misrouted: a copy at a State it was not addressed to.</para>
/// </summary>
public sealed class Consistency(ResiliencePlatform platform)
{
    public static readonly string[] History =
        ["request-drafted", "request-ready", "request-transmitted", "request-delivered", "request-acknowledged"];

    public int Lost { get; private set; }
    public int Duplicated { get; private set; }
    public int Misrouted { get; private set; }
    public List<string> Problems { get; } = [];

    public async Task CheckAsync(IReadOnlyCollection<PartnerLoad.Flow> flows, TimeSpan settle)
    {
        using var client = platform.Client();
        foreach (var flow in flows)
        {
            if (flow.Id is null) { Fail(ref _lost, $"request {flow.Number} ({flow.Organ} → {flow.State}) was never drafted"); continue; }
            var organView = await EventuallyAsync(client, $"/{flow.Organ}/requests/{flow.Id}", r => (string?)r["status"] == "Acknowledged", settle);
            var stateView = await EventuallyAsync(client, $"/states/{flow.State}/requests/{flow.Id}", r => (string?)r["status"] == "Acknowledged", settle);
            if ((string?)organView?["status"] != "Acknowledged" || (string?)stateView?["status"] != "Acknowledged")
            {
                Fail(ref _lost, $"{flow.Id} ({flow.Organ} → {flow.State}): {(string?)organView?["status"] ?? "absent"} at the organ, " +
                                $"{(string?)stateView?["status"] ?? "absent"} at the State");
                continue;
            }
            var history = organView!["history"]!.AsArray().Select(h => (string)h!["what"]!).ToArray();
            // A travel alert's own entries may sit between the steps; each step of the request exactly once, in order.
            var steps = history.Where(h => History.Contains(h)).ToArray();
            if (!steps.SequenceEqual(History)) Fail(ref _duplicated, $"{flow.Id}: history {string.Join(", ", steps)}");

            var guid = Guid.Parse(flow.Id);
            foreach (var code in ResiliencePlatform.States)
            {
                var db = platform.Database($"state-{code.ToLowerInvariant()}");
                var copies = await db.CountAsync("""SELECT COUNT(*) FROM requests WHERE "Id" = @id""", ("@id", guid));
                if (code == flow.State && copies != 1) Fail(ref _duplicated, $"{flow.Id}: {copies} copies at {code}");
                if (code != flow.State && copies != 0) Fail(ref _misrouted, $"{flow.Id}: a copy at {code}, addressed to {flow.State}");
            }
        }

        foreach (var service in Databases)
        {
            var db = platform.Database(service);
            var twice = await db.CountAsync("""SELECT COUNT(*) FROM (SELECT 1 FROM inbox_messages GROUP BY "MessageId", "Consumer" HAVING COUNT(*) > 1) t""");
            if (twice > 0) Fail(ref _duplicated, $"{service}: {twice} messages applied twice");
        }
        await AssertDrainedAsync(settle);
        await AssertAuditChainsAsync();
    }

    public static readonly string[] Databases = ["registry", "prosecutor", "state-uga", "state-zaf"];

    /// <summary>Every outbox row of every service sent (waits up to <paramref name="settle"/> for dispatchers to catch up).</summary>
    public async Task AssertDrainedAsync(TimeSpan settle)
    {
        var deadline = DateTime.UtcNow + settle;
        foreach (var service in Databases)
        {
            long unsent;
            while ((unsent = await platform.Database(service).CountAsync("""SELECT COUNT(*) FROM outbox_messages WHERE "SentAt" IS NULL""")) > 0
                   && DateTime.UtcNow < deadline)
                await Task.Delay(250);
            if (unsent > 0) Problems.Add($"{service}: {unsent} outbox rows never sent");
        }
    }

    public async Task AssertAuditChainsAsync()
    {
        using var operatorClient = platform.OperatorClient();
        foreach (var prefix in new[] { "/operations/registry", "/operations/prosecutor", "/operations/states/UGA", "/operations/states/ZAF" })
        {
            var verification = await EventuallyAsync(operatorClient, prefix + "/audit/verify", _ => true, TimeSpan.FromSeconds(30));
            if (verification is null || (bool?)verification["ok"] != true)
                Problems.Add($"{prefix}: audit chain does not verify: {verification?.ToJsonString() ?? "no answer"}");
        }
    }

    private int _lost, _duplicated, _misrouted;

    private void Fail(ref int counter, string problem)
    {
        counter++;
        Lost = _lost;
        Duplicated = _duplicated;
        Misrouted = _misrouted;
        Problems.Add(problem);
    }

    /// <summary>The answer once the predicate holds, else the last answer (null if none) after <paramref name="timeout"/>.</summary>
    private static async Task<JsonObject?> EventuallyAsync(HttpClient client, string path, Func<JsonObject, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonObject? last = null;
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(path);
                if (response.IsSuccessStatusCode)
                {
                    last = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
                    if (done(last)) return last;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) return last;
            await Task.Delay(200);
        }
    }
}
