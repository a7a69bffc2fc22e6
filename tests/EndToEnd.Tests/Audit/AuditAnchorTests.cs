using System.Net;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Platform;
using Cooperation.EndToEnd.Tests.Requests;

namespace Cooperation.EndToEnd.Tests.Audit;

/// <summary>
/// Issue 12: the newest audit entries could be cut off without detection, since the chain has nothing beyond its own
/// head. Each service now sends its head to another organ (the States, the Prosecutor and the Assembly to the Registry;
/// the Registry to the Prosecutor), which keeps it: verifying against that anchor shows a truncation, and the keeper
/// sees the head go back.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AuditAnchorTests(PlatformFixture platform)
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Every_services_head_is_kept_by_another_organ()
    {
        using var registry = Operator(platform.Registry.BaseAddress);
        using var prosecutor = Operator(platform.Prosecutor.BaseAddress);
        var atRegistry = await WaitAnchorsAsync(registry, a => new[] { "prosecutor", "assembly", "state:UGA", "state:ZAF" }.All(s => Find(a, s) is not null));
        var atProsecutor = await WaitAnchorsAsync(prosecutor, a => Find(a, "registry") is not null);
        Assert.Null(Find(atProsecutor, "state:UGA"));
        Assert.Null(Find(atRegistry, "registry"));
        Assert.All(atRegistry.Concat(atProsecutor), a => Assert.Matches("^[0-9a-f]{64}$", (string)a!["hash"]!));

        // Anchors and the verify endpoint are the operators'.
        using var desk = PlatformFixture.CreateClient(platform.Registry.BaseAddress, platform.TokenOf("registry-desk"));
        using (var refused = await desk.GetAsync("/operations/audit/anchors")) Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var bad = await registry.GetAsync("/operations/audit/verify?anchorSequence=-1&anchorHash=xyz");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["anchorHash", "anchorSequence"], (await bad.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key).Order());
    }

    [Fact]
    public async Task Cutting_off_a_States_newest_entries_is_seen_against_the_head_the_Registry_keeps()
    {
        // Something happens at Uganda, so its log has new entries.
        using var desk = platform.CreatePartnerClient("registry");
        using (var drafted = await desk.PostJsonAsync("/registry/requests", Samples.ArrestAndSurrender("UGA")))
        {
            var id = (string)(await drafted.ReadObjectAsync())["id"]!;
            using var sent = await desk.PostAsync($"/registry/requests/{id}/transmit", null);
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
            await desk.WaitForAsync($"/registry/requests/{id}", r => r["evidence"]!["deliveredAt"] is not null, Soon);
        }
        var uganda = new AuditLog(platform, "state-uga");
        var head = await uganda.HeadAsync();
        Assert.True(head.LastSequence > 2);

        // The Registry holds Uganda's head (sent by Uganda's node, taken from Uganda's own queue).
        using var registry = Operator(platform.Registry.BaseAddress);
        var kept = Find(await WaitAnchorsAsync(registry, a => (long?)Find(a, "state:UGA")?["sequence"] >= head.LastSequence), "state:UGA")!;
        var (anchorSequence, anchorHash) = ((long)kept["sequence"]!, (string)kept["hash"]!);

        // Cut off the two newest entries (and any newer): the chain alone still verifies — the gap this closes.
        await uganda.Database.ExecuteAsync("""DELETE FROM audit_log WHERE "Sequence" > @s""", ("@s", head.LastSequence - 2));
        Assert.True((bool)(await uganda.VerifyAsync())["ok"]!);

        // Against the anchor it does not.
        using var atUganda = Operator(platform.StateNodes["UGA"].BaseAddress);
        var verified = await atUganda.GetFromJsonObjectAsync($"/operations/audit/verify?anchorSequence={anchorSequence}&anchorHash={anchorHash}");
        Assert.False((bool)verified["ok"]!, verified.ToJsonString());
        Assert.Equal("truncated", (string)verified["firstBroken"]!["problem"]!);
        Assert.Equal(anchorSequence, (long)verified["firstBroken"]!["sequence"]!);

        // And the Registry sees Uganda's head go back when the node next sends it.
        var regressed = Find(await WaitAnchorsAsync(registry, a => Find(a, "state:UGA")?["regressedAt"] is not null), "state:UGA")!;
        // (From the highest head kept to the lower one sent; Uganda may have written an entry since the cut.)
        Assert.True((long)regressed["regressedFromSequence"]! >= anchorSequence, regressed.ToJsonString());
        Assert.InRange((long)regressed["regressedToSequence"]!, head.LastSequence - 2, (long)regressed["regressedFromSequence"]! - 1);

        // An intact chain checked against its own kept head is fine (Uganda's head is the anchor again).
        var now = Find(await WaitAnchorsAsync(registry, a => (long?)Find(a, "state:UGA")?["sequence"] < anchorSequence), "state:UGA")!;
        var again = await atUganda.GetFromJsonObjectAsync($"/operations/audit/verify?anchorSequence={(long)now["sequence"]!}&anchorHash={(string)now["hash"]!}");
        Assert.True((bool)again["ok"]!, again.ToJsonString());
    }

    private HttpClient Operator(Uri service) => PlatformFixture.CreateClient(service, platform.TokenOf(AuditLog.Operator));

    private static JsonObject? Find(JsonArray anchors, string service) =>
        anchors.FirstOrDefault(a => (string)a!["service"]! == service)?.AsObject();

    private static async Task<JsonArray> WaitAnchorsAsync(HttpClient keeper, Func<JsonArray, bool> done)
    {
        var until = DateTime.UtcNow + Soon;
        JsonArray anchors;
        do
        {
            anchors = JsonNode.Parse(await keeper.GetStringAsync("/operations/audit/anchors"))!.AsArray();
            if (done(anchors)) return anchors;
            await Task.Delay(300);
        } while (DateTime.UtcNow < until);
        Assert.Fail($"anchors not as expected within {Soon.TotalSeconds} s: {anchors.ToJsonString()}");
        return anchors;
    }
}
