using System.Net;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Platform;
using Cooperation.EndToEnd.Tests.Requests;

namespace Cooperation.EndToEnd.Tests.Partners;

/// <summary>
/// A sandbox State answers by itself, as configured (issue 14), so a Registry desk tool can be tested end to end
/// without a person at the other side; it is refused in a production profile. South Africa's node is restarted as a
/// sandbox for this test and given back as it was afterwards.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SandboxStateTests(PlatformFixture platform)
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_sandbox_state_acknowledges_after_the_configured_delay_and_consults_on_the_configured_ground_and_is_refused_in_production()
    {
        var sandbox = new Dictionary<string, string>
        {
            ["Sandbox__Enabled"] = "true",
            ["Sandbox__ClientId"] = "state-zaf-cms",
            ["Sandbox__ClientSecret"] = platform.SecretOf("state-zaf-cms"),
            ["Sandbox__AcknowledgeAfter"] = "00:00:03",
            ["Sandbox__Answer"] = "Consult",
            ["Sandbox__ConsultationGround"] = "PersonNotLocated",
        };
        try
        {
            // Never in a production profile: the node refuses to start, naming why.
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => platform.RestartAsync("state-zaf", sandbox));
            Assert.Contains("exited with 2", refused.Message);
            Assert.Contains("refused in a production profile", refused.Message);

            await platform.RestartAsync("state-zaf", new Dictionary<string, string>(sandbox) { ["ASPNETCORE_ENVIRONMENT"] = "Development" });
            using var south = platform.CreatePartnerClient("state:ZAF");
            var document = await south.GetStringAsync("/docs/states/ZAF/openapi.json");
            Assert.StartsWith("SANDBOX", (string)JsonNode.Parse(document)!["info"]!["title"]!);

            // The Registry's desk transmits an arrest request to the sandbox and nobody at the State does anything.
            using var registry = platform.CreatePartnerClient("registry");
            using var drafted = await registry.PostJsonAsync("/registry/requests", Samples.Complete("ArrestAndSurrender", "ZAF"));
            Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
            var id = (string)(await drafted.ReadObjectAsync())["id"]!;
            using (var transmitted = await registry.PostAsync($"/registry/requests/{id}/transmit", null))
                Assert.Equal(HttpStatusCode.OK, transmitted.StatusCode);

            var view = await registry.WaitForAsync($"/registry/requests/{id}", r => (string?)r["status"] == "InConsultation", Soon);
            var evidence = view["evidence"]!;
            Assert.StartsWith("SANDBOX", (string)evidence["acknowledgedBy"]!);
            var waited = DateTimeOffset.Parse((string)evidence["acknowledgedAt"]!) - DateTimeOffset.Parse((string)evidence["deliveredAt"]!);
            Assert.True(waited >= TimeSpan.FromSeconds(3), $"acknowledged {waited} after delivery, configured 3 s");

            var consultations = JsonNode.Parse(await registry.GetStringAsync($"/registry/requests/{id}/consultations"))!.AsArray();
            var consultation = Assert.Single(consultations)!;
            Assert.Equal("State", (string)consultation["openedBy"]!);
            Assert.Equal(["PersonNotLocated"], consultation["grounds"]!.AsArray().Select(g => (string)g!["ground"]!));
        }
        finally
        {
            await platform.RestartAsync("state-zaf");
        }
    }
}
