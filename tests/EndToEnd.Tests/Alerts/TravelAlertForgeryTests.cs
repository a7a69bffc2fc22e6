using Cooperation.Contracts.Alerts;
using Cooperation.EndToEnd.Tests.Platform;
using Cooperation.EndToEnd.Tests.Security.Broker;

namespace Cooperation.EndToEnd.Tests.Alerts;

/// <summary>
/// With Uganda's real broker credentials, acknowledge an alert that went to South Africa only, naming Uganda and a
/// request the Registry did issue to Uganda: InboundSenderFilter admits an alert report only about that State's own
/// entry of an alert sent to it, so it is refused into the error queue of Uganda's queue and the board is unchanged.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class TravelAlertForgeryTests(PlatformFixture platform)
{
    [Fact]
    public async Task Uganda_cannot_acknowledge_an_alert_that_was_not_sent_to_it()
    {
        var flow = new AlertFlow(platform);
        using var registry = flow.Registry();
        var (ugandaRequest, _) = await flow.DeliveredArrestRequestAsync(registry, "UGA");
        var alertId = (string)(await AlertFlow.IssueAsync(registry, ugandaRequest, AlertFlow.Entry("ZAF")))["id"]!;
        await AlertFlow.WaitBoardAsync(registry, alertId, b => (string)AlertFlow.EntryOf(b, "ZAF")["stage"]! == "Delivered");

        var messageId = Guid.NewGuid();
        await BrokerAttack.PublishAsync("state-uga", "state-uga.to-registry", BrokerAttack.Urn<TravelAlertAcknowledged>(), new
        {
            requestId = ugandaRequest,
            requestVersion = 1,
            senderOrgan = "State",
            classification = "Confidential",
            sentAt = DateTimeOffset.UtcNow,
            readers = Array.Empty<string>(),
            stateCode = "UGA",
            alertId,
            acknowledgedAt = DateTimeOffset.UtcNow,
            acknowledgedBy = "Forged desk",
        }, messageId);

        var operations = PlatformFixture.CreateClient(platform.Service("registry").BaseAddress, platform.TokenOf("operator-console"));
        var parked = await BrokerAttack.WaitParkedAsync(operations, messageId);
        Assert.Equal("registry.from-state-uga_error", parked.GetProperty("queue").GetString());
        Assert.Contains("UnknownAlertException", BrokerAttack.Header(parked, "MT-Fault-ExceptionType"));

        var board = await registry.GetFromJsonObjectAsync($"/registry/alerts/{alertId}");
        Assert.Equal(["ZAF"], board["states"]!.AsArray().Select(e => (string)e!["stateCode"]!).ToArray());
        Assert.Equal("Delivered", (string)AlertFlow.EntryOf(board, "ZAF")["stage"]!);
        Assert.DoesNotContain("Forged desk", board.ToJsonString());
    }
}
