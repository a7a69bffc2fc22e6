using System.Diagnostics;
using System.Net;
using Cooperation.Contracts.Requests;
using Cooperation.EndToEnd.Tests.Platform;
using Cooperation.EndToEnd.Tests.Requests;

namespace Cooperation.EndToEnd.Tests.Security.Broker;

/// <summary>
/// Issue 16, finding 3: one State could stall the Court's intake for every State. Ten messages
/// about requests that do not exist, from Uganda's user, delayed an unrelated Dutch delivery from
/// 0.2 s to 26.4 s (one message at a time, each hopeless one retried 100 ms / 500 ms / 2 s).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class IntakeIsolationTests(PlatformFixture platform)
{
    /// <summary>Generous for a loaded 2-core machine, and an order of magnitude below the 26 s it was.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Hopeless_messages_from_one_state_do_not_hold_up_another_states_delivery()
    {
        // A request to the Netherlands, which is in the register but runs no node here: this test
        // sends its Delivered evidence itself, with the Netherlands' own broker user.
        using var desk = platform.CreatePartnerClient("registry");
        using var drafted = await desk.PostJsonAsync("/registry/requests", Samples.ArrestAndSurrender("NLD"));
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var id = Guid.Parse((string)(await drafted.ReadObjectAsync())["id"]!);
        using var transmitted = await desk.PostAsync($"/registry/requests/{id}/transmit", null);
        Assert.Equal(HttpStatusCode.OK, transmitted.StatusCode);

        var hopeless = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToList();
        await using (var uganda = await Platform.Broker.ConnectAsync("state-uga"))
            foreach (var messageId in hopeless)
                await BrokerAttack.PublishAsync(uganda, "state-uga.to-registry", BrokerAttack.Urn<RequestDelivered>(),
                    Delivered(Guid.NewGuid(), "UGA"), messageId);

        var clock = Stopwatch.StartNew();
        await BrokerAttack.PublishAsync("state-nld", "state-nld.to-registry", BrokerAttack.Urn<RequestDelivered>(),
            Delivered(id, "NLD"), Guid.NewGuid());
        await desk.WaitForAsync($"/registry/requests/{id}", r => (string)r["status"]! == "Delivered", BrokerAttack.Soon);
        clock.Stop();
        Assert.True(clock.Elapsed < Bound, $"the Dutch delivery took {clock.Elapsed.TotalSeconds:F1}s behind Uganda's hopeless messages (bound {Bound.TotalSeconds}s)");

        // Each hopeless message went straight to the error queue with its reason: never retried.
        using var operations = PlatformFixture.CreateClient(platform.Service("registry").BaseAddress, platform.TokenOf("operator-console"));
        foreach (var messageId in hopeless)
        {
            var parked = await BrokerAttack.WaitParkedAsync(operations, messageId);
            Assert.Contains("UnknownRequestException", BrokerAttack.Header(parked, "MT-Fault-ExceptionType"));
            // MassTransit writes MT-Fault-RetryCount only for a message it retried (it was 3 here before).
            Assert.Equal("", BrokerAttack.Header(parked, "MT-Fault-RetryCount"));
        }
    }

    private static object Delivered(Guid requestId, string state) => new
    {
        requestId,
        requestVersion = 1,
        senderOrgan = "State",
        classification = "Confidential",
        sentAt = DateTimeOffset.UtcNow,
        readers = Array.Empty<string>(),
        stateCode = state,
        deliveredAt = DateTimeOffset.UtcNow,
    };
}
