using System.Net;
using Cooperation.Contracts.Register;
using Cooperation.Contracts.Requests;
using Cooperation.EndToEnd.Tests.Platform;
using Cooperation.EndToEnd.Tests.Requests;

namespace Cooperation.EndToEnd.Tests.Security.Broker;

/// <summary>
/// Issue 16, finding 2: with Uganda's broker credentials (what Uganda's node holds), speak for South
/// Africa or for the Registry. Each forgery is refused straight into the error queue of Uganda's own
/// queue at the organ, with the reason, and changes nothing: the organ takes the sender from the
/// queue the message arrived on, never from its body.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SenderForgeryTests(PlatformFixture platform)
{
    private const string Uganda = "state-uga";

    [Fact]
    public async Task Uganda_cannot_change_south_africas_channel_at_the_registry()
    {
        using var registry = platform.CreatePartnerClient("registry");
        var channel = $"Forged channel {Guid.NewGuid():N}";
        var messageId = Guid.NewGuid();

        await BrokerAttack.PublishAsync(Uganda, "state-uga.to-registry", BrokerAttack.Urn<NotifyChannelChange>(), new
        {
            stateCode = "ZAF",
            channel,
            languages = new[] { "fr" },
            agreedEffectiveDate = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"),
            sentAt = DateTimeOffset.UtcNow,
        }, messageId);

        var parked = await BrokerAttack.WaitParkedAsync(Operations("registry"), messageId);
        Assert.Equal("registry.from-state-uga_error", parked.GetProperty("queue").GetString());
        Assert.Contains("ForgedSenderException", BrokerAttack.Header(parked, "MT-Fault-ExceptionType"));
        Assert.Contains("claims State ZAF but arrived on State UGA's own queue", BrokerAttack.Header(parked, "MT-Fault-Message"));

        var entry = await registry.GetFromJsonObjectAsync("/registry/register/states/ZAF");
        Assert.DoesNotContain(channel, entry.ToJsonString());
    }

    [Fact]
    public async Task Uganda_cannot_send_the_prosecutor_a_register_entry_which_only_the_registry_sends()
    {
        using var prosecutor = platform.CreatePartnerClient("prosecutor");
        var channel = $"Forged register entry {Guid.NewGuid():N}";
        var messageId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;

        await BrokerAttack.PublishAsync(Uganda, "state-uga.to-prosecutor", BrokerAttack.Urn<StateRegisterEntryChanged>(), new
        {
            stateCode = "ZAF",
            channel,
            languages = new[] { "fr" },
            receivedAt = now.AddDays(-1),
            effectiveFrom = now.AddDays(-1),
            sentAt = now,
        }, messageId);

        var parked = await BrokerAttack.WaitParkedAsync(Operations("prosecutor"), messageId);
        Assert.Equal("prosecutor.from-state-uga_error", parked.GetProperty("queue").GetString());
        Assert.Contains("ForgedSenderException", BrokerAttack.Header(parked, "MT-Fault-ExceptionType"));
        Assert.Contains("StateRegisterEntryChanged is not a message a State may send", BrokerAttack.Header(parked, "MT-Fault-Message"));

        var copy = await prosecutor.GetFromJsonObjectAsync("/prosecutor/register/states/ZAF");
        Assert.DoesNotContain(channel, copy.ToJsonString());
    }

    [Fact]
    public async Task Uganda_cannot_move_south_africas_sealed_arrest_request_to_executed()
    {
        using var desk = platform.CreatePartnerClient("registry");
        using var drafted = await desk.PostJsonAsync("/registry/requests", Samples.ArrestAndSurrender("ZAF", classification: "UnderSeal"));
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var id = (string)(await drafted.ReadObjectAsync())["id"]!;
        using var transmitted = await desk.PostAsync($"/registry/requests/{id}/transmit", null);
        Assert.Equal(HttpStatusCode.OK, transmitted.StatusCode);
        var delivered = await desk.WaitForAsync($"/registry/requests/{id}", r => (string)r["status"]! == "Delivered", BrokerAttack.Soon);
        var historyBefore = delivered["history"]!.AsArray().Count;

        // The sequence that moved it to Executed, each claiming to be South Africa...
        var now = DateTimeOffset.UtcNow;
        object Report(object extra) => Merge(new Dictionary<string, object?>
        {
            ["requestId"] = Guid.Parse(id), ["requestVersion"] = 1, ["senderOrgan"] = "State", ["classification"] = "UnderSeal",
            ["sentAt"] = now, ["readers"] = Array.Empty<string>(), ["stateCode"] = "ZAF",
        }, extra);
        var forgeries = new (string Type, object Message)[]
        {
            (BrokerAttack.Urn<RequestAcknowledged>(), Report(new { acknowledgedAt = now, acknowledgedBy = "forger" })),
            (BrokerAttack.Urn<RequestExecutionStarted>(), Report(new { })),
            (BrokerAttack.Urn<RequestExecuted>(), Report(new { partial = false, note = "forged" })),
        };
        foreach (var (type, message) in forgeries)
        {
            var messageId = Guid.NewGuid();
            await BrokerAttack.PublishAsync(Uganda, "state-uga.to-registry", type, message, messageId);
            var parked = await BrokerAttack.WaitParkedAsync(Operations("registry"), messageId);
            Assert.Contains("ForgedSenderException", BrokerAttack.Header(parked, "MT-Fault-ExceptionType"));
            Assert.Contains("claims State ZAF but arrived on State UGA's own queue", BrokerAttack.Header(parked, "MT-Fault-Message"));
        }

        // ...and Uganda speaking honestly as itself about a request that is not its own.
        var asItself = Guid.NewGuid();
        await BrokerAttack.PublishAsync(Uganda, "state-uga.to-registry", BrokerAttack.Urn<RequestAcknowledged>(),
            Merge(new Dictionary<string, object?>
            {
                ["requestId"] = Guid.Parse(id), ["requestVersion"] = 1, ["senderOrgan"] = "State", ["classification"] = "UnderSeal",
                ["sentAt"] = now, ["readers"] = Array.Empty<string>(), ["stateCode"] = "UGA",
            }, new { acknowledgedAt = now }), asItself);
        var unknown = await BrokerAttack.WaitParkedAsync(Operations("registry"), asItself);
        Assert.Contains("UnknownRequestException", BrokerAttack.Header(unknown, "MT-Fault-ExceptionType"));

        var after = await desk.GetFromJsonObjectAsync($"/registry/requests/{id}");
        Assert.Equal("Delivered", (string)after["status"]!);
        Assert.Equal(historyBefore, after["history"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_audit_names_the_state_the_transport_delivered_from()
    {
        // A genuine report: South Africa's node delivers; the Registry's audit names ZAF from ZAF's own queue.
        using var desk = platform.CreatePartnerClient("registry");
        using var drafted = await desk.PostJsonAsync("/registry/requests", Samples.ArrestAndSurrender("ZAF"));
        var id = (string)(await drafted.ReadObjectAsync())["id"]!;
        using var transmitted = await desk.PostAsync($"/registry/requests/{id}/transmit", null);
        Assert.Equal(HttpStatusCode.OK, transmitted.StatusCode);
        await desk.WaitForAsync($"/registry/requests/{id}", r => (string)r["status"]! == "Delivered", BrokerAttack.Soon);

        var actors = await platform.Database("registry").StringsAsync(
            """SELECT "Actor" FROM audit_log WHERE "EntityId" = @id""", ("@id", id));
        Assert.Contains("state:ZAF", actors);
    }

    private HttpClient Operations(string service) =>
        PlatformFixture.CreateClient(platform.Service(service).BaseAddress, platform.TokenOf("operator-console"));

    private static Dictionary<string, object?> Merge(Dictionary<string, object?> common, object extra)
    {
        foreach (var p in extra.GetType().GetProperties()) common[p.Name] = p.GetValue(extra);
        return common;
    }
}
