using Cooperation.EndToEnd.Tests.Platform;

namespace Cooperation.EndToEnd.Tests.Delivery;

/// <summary>Every message of a finished flow sent a second time, with its message id: nothing changes twice.</summary>
[Collection(PlatformCollection.Name)]
public sealed class DuplicateDeliveryTests(PlatformFixture platform)
{
    [Fact]
    public async Task Every_message_sent_twice_changes_nothing_twice()
    {
        var flow = new DeliveryFlow(platform);
        using var partner = platform.CreatePartnerClient("registry", "state:UGA");
        var id = await flow.DraftAsync(partner);
        using var transmitted = await DeliveryFlow.PostAsync(partner, $"/registry/requests/{id}/transmit", null, Guid.NewGuid().ToString());
        transmitted.EnsureSuccessStatusCode();
        await flow.WaitForRegistryAsync(partner, id, "Delivered");
        using var acknowledged = await DeliveryFlow.PostAsync(partner, $"/states/{DeliveryFlow.State}/requests/{id}/acknowledge",
            new { acknowledgedBy = "Central authority" }, Guid.NewGuid().ToString());
        acknowledged.EnsureSuccessStatusCode();
        await flow.AssertExactlyOnceAsync(partner, id);
        var registryBefore = (await partner.GetStringAsync($"/registry/requests/{id}"));
        var stateBefore = (await partner.GetStringAsync($"/states/{DeliveryFlow.State}/requests/{id}"));

        // Make both senders' dispatchers send every message of this request again (same row, same message id).
        var registry = platform.Database("registry");
        var state = platform.Database(DeliveryFlow.StateService);
        var like = $"%{id.ToLowerInvariant()}%";
        var resend = """UPDATE outbox_messages SET "SentAt" = NULL WHERE "Body" LIKE @b""";
        Assert.Equal(1, await registry.ExecuteAsync(resend, ("@b", like)));
        Assert.Equal(2, await state.ExecuteAsync(resend, ("@b", like)));
        var registryMessages = await DeliveryFlow.WaitAllSentAsync(registry, id, expected: 1);
        var stateMessages = await DeliveryFlow.WaitAllSentAsync(state, id, expected: 2);

        // Each receiver saw each copy and ignored it (its inbox says so in its log).
        await WaitForLogAsync(platform.Service(DeliveryFlow.StateService), registryMessages);
        await WaitForLogAsync(platform.Service("registry"), stateMessages);

        await flow.AssertExactlyOnceAsync(partner, id);
        Assert.Equal(registryBefore, await partner.GetStringAsync($"/registry/requests/{id}"));
        Assert.Equal(stateBefore, await partner.GetStringAsync($"/states/{DeliveryFlow.State}/requests/{id}"));
    }

    private static async Task WaitForLogAsync(ServiceProcess service, IEnumerable<Guid> messageIds)
    {
        var deadline = DateTime.UtcNow + DeliveryFlow.Soon;
        foreach (var messageId in messageIds)
        {
            while (!service.Output.Contains($"Message {messageId} already processed by"))
            {
                if (DateTime.UtcNow > deadline) Assert.Fail($"{service.Name} never saw the duplicate of {messageId}:\n{service.Output}");
                await Task.Delay(100);
            }
        }
    }
}
