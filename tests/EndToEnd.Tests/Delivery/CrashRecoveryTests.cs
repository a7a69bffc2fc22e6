using System.Net;
using Cooperation.EndToEnd.Tests.Platform;

namespace Cooperation.EndToEnd.Tests.Delivery;

/// <summary>
/// kill -9 a service at each point of the delivery path (Testing:CrashAt), restart it without the
/// setting, let the partner retry with the same Idempotency-Key where a partner would: every request
/// still ends Acknowledged exactly once on both sides (issue 3, "Delivery that loses nothing and
/// duplicates nothing"). Runs on SQLite and, with COOP_TEST_DATABASE=Postgres, on PostgreSQL.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CrashRecoveryTests(PlatformFixture platform)
{
    public static TheoryData<string, string> CrashPoints => new()
    {
        // Registry: transmit's commit; sending TransmitRequest; consuming RequestDelivered.
        { "registry", "before-commit" },
        { "registry", "after-commit-before-send" },
        { "registry", "after-send-before-mark" },
        { "registry", "consumer-after-commit" },
        // Prosecutor: the same points on its own request (Court code, its own process and database).
        { "prosecutor", "before-commit" },
        { "prosecutor", "after-commit-before-send" },
        { "prosecutor", "after-send-before-mark" },
        { "prosecutor", "consumer-after-commit" },
        // State: consuming TransmitRequest (its commit also stages RequestDelivered); sending RequestDelivered.
        { DeliveryFlow.StateService, "before-commit" },
        { DeliveryFlow.StateService, "after-commit-before-send" },
        { DeliveryFlow.StateService, "after-send-before-mark" },
        { DeliveryFlow.StateService, "consumer-after-commit" },
    };

    [Theory]
    [MemberData(nameof(CrashPoints))]
    public async Task A_request_ends_acknowledged_exactly_once_when_a_service_is_killed(string service, string crashAt)
    {
        var organ = service == "prosecutor" ? "prosecutor" : "registry";
        var flow = new DeliveryFlow(platform, organ);
        using var partner = platform.CreatePartnerClient(organ, "state:UGA");
        await Broker.WaitDrainedAsync(DeliveryFlow.Soon, organ, $"{organ}.from-{DeliveryFlow.StateService}", DeliveryFlow.StateService);
        var id = await flow.DraftAsync(partner);

        // The crash is this transmission's (the Court's TransmitRequest, the State's RequestDelivered), never a deadline
        // notice that another test's clock happens to fire meanwhile.
        try
        {
            var armed = await platform.RestartAsync(service, new Dictionary<string, string>
            {
                ["Testing__CrashAt"] = crashAt,
                ["Testing__CrashAtMessage"] = service == DeliveryFlow.StateService ? "RequestDelivered" : "TransmitRequest",
            });

            var transmitPath = $"/{organ}/requests/{id}/transmit";
            var transmitKey = Guid.NewGuid().ToString();
            using var firstTry = await DeliveryFlow.TryPostAsync(partner, transmitPath, null, transmitKey);

            // The armed service must really die at that point, or this test proves nothing.
            var exit = await armed.WaitForExitAsync(DeliveryFlow.Soon);
            Assert.True(armed.Output.Contains($"Testing:CrashAt={crashAt}: killing the process now"),
                $"{service} exited ({exit}) without reaching {crashAt}:\n{armed.Output}");
            await platform.RestartAsync(service);

            // The partner retries what did not answer, with the same key; a retry of what did answer gets the same answer.
            using var retry = await DeliveryFlow.PostAsync(partner, transmitPath, null, transmitKey);
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
            if (firstTry is not null)
            {
                Assert.Equal(HttpStatusCode.OK, firstTry.StatusCode);
                Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
                Assert.Equal(await firstTry.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
            }

            await flow.WaitForRegistryAsync(partner, id, "Delivered");
            var ackKey = Guid.NewGuid().ToString();
            var ackBody = new { acknowledgedBy = "Central authority, desk 2" };
            using var acknowledged = await DeliveryFlow.PostAsync(partner, $"/states/{DeliveryFlow.State}/requests/{id}/acknowledge", ackBody, ackKey);
            Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);

            await flow.AssertExactlyOnceAsync(partner, id);
        }
        finally
        {
            // A failure above must not leave the service down for the tests after this one (one failure, not a cascade).
            await platform.EnsureRunningAsync(service);
        }
    }
}
