using System.Net;
using Cooperation.EndToEnd.Tests.NonCompliance;
using Cooperation.EndToEnd.Tests.Platform;

namespace Cooperation.EndToEnd.Tests.Assembly;

/// <summary>
/// Issue 9 §3, end to end with no stand-in: the Chamber's referral recorded at the Registry (Art 87(7)) reaches the
/// Assembly's own service through the Registry's outbox, in the desk's trace; the Presidency starts the formal
/// response and the State concerned sees it on its node.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class RegistryToAssemblyTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_referral_at_the_registry_becomes_an_assembly_case_in_the_same_trace_and_the_state_sees_the_response()
    {
        using var registry = platform.CreatePartnerClient("registry");
        var requestId = await MatterDesk.TransmittedAsync(registry, "UGA");
        var matter = await MatterDesk.OpenAsync(registry, requestId);
        var matterId = (string)matter["id"]!;
        await MatterDesk.InvitedLongAgoAsync(registry, matterId);
        await MatterDesk.FindingAsync(registry, matterId);

        using var presidency = platform.CreateClientFor("assembly-secretariat");
        // Not referred yet: the Assembly knows nothing of the matter.
        using (var before = await presidency.GetAsync($"/assembly/cases/{matterId}")) Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);

        using var referred = await registry.PostJsonAsync($"/registry/matters/{matterId}/referral",
            new { decisionReference = "ICC-01/99-01/26-30", decidedOn = MatterDesk.Day(0), toAssembly = true, toSecurityCouncil = false });
        Assert.Equal(HttpStatusCode.OK, referred.StatusCode);
        var trace = referred.Headers.GetValues("X-Correlation-Id").Single();

        var assemblyCase = await presidency.WaitForAsync($"/assembly/cases/{matterId}", c => (bool)c["referredToAssembly"]!, MatterDesk.Soon);
        Assert.Equal("UGA", (string)assemblyCase["stateCode"]!);
        Assert.Contains("ReferredToAssembly", assemblyCase["courtSteps"]!.ToJsonString());
        Assert.Contains("ICC-01/99-01/26-30", assemblyCase["courtSteps"]!.ToJsonString());
        Assert.DoesNotContain("Fictitious Person A", assemblyCase.ToJsonString()); // never the request's contents (Art 87(3))

        // One trace: the desk's call, the Registry's outbox, the broker, the Assembly's consumer.
        var viewer = new TraceViewer(platform.Environment.DashboardUrl);
        var spans = await viewer.WaitForTraceAsync(trace, s => s.Any(x => x.Service == "assembly"), MatterDesk.Soon);
        Assert.Contains(spans, s => s.Service == "registry");
        Assert.Contains(spans, s => s.Service == "assembly");

        // The formal response starts (ICC-ASP/10/Res.5 annex, para 14) and Uganda's node shows it, ZAF's does not.
        var meeting = new { step = "EmergencyBureauMeeting", on = MatterDesk.Day(0), document = new { reference = "ICC-ASP/B/2026/1", title = "Emergency Bureau meeting", date = MatterDesk.Day(0) } };
        using (var recorded = await presidency.PostJsonAsync($"/assembly/cases/{matterId}/formal-steps", meeting))
            Assert.True(recorded.StatusCode == HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync());
        using var uganda = platform.CreatePartnerClient("state:UGA");
        var seen = await uganda.WaitForAsync($"/states/UGA/assembly/cases/{matterId}", c => c["steps"]!.AsArray().Count == 1, MatterDesk.Soon);
        Assert.Equal("EmergencyBureauMeeting", (string)seen["steps"]![0]!["step"]!);
        using var southAfrica = platform.CreatePartnerClient("state:ZAF");
        using (var other = await southAfrica.GetAsync($"/states/ZAF/assembly/cases/{matterId}")) Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }
}
