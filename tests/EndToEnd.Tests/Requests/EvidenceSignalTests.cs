using System.Net;
using Cooperation.EndToEnd.Tests.Platform;

namespace Cooperation.EndToEnd.Tests.Requests;

/// <summary>
/// A broker ack proves nothing to a court: when Delivered does not come in time the sender sees a
/// warning, then an overdue signal (design.md, "Evidence, not just delivery"). The fixture sets
/// 2 s and 4 s; NLD is in the register but runs no node, so nothing is ever delivered there.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class EvidenceSignalTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_request_that_is_not_delivered_in_time_shows_a_warning_then_an_overdue_signal()
    {
        using var registry = platform.CreatePartnerClient("registry");
        using var drafted = await registry.PostJsonAsync("/registry/requests", Samples.Complete("Transit", "NLD"));
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var id = (string)(await drafted.ReadObjectAsync())["id"]!;
        using var transmitted = await registry.PostAsync($"/registry/requests/{id}/transmit", null);
        Assert.Equal(HttpStatusCode.OK, transmitted.StatusCode);
        Assert.Null((string?)(await transmitted.ReadObjectAsync())["evidence"]!["signal"]);

        await registry.WaitForAsync($"/registry/requests/{id}", r => (string?)r["evidence"]!["signal"] == "delivery-warning", TimeSpan.FromSeconds(15));
        var overdue = await registry.WaitForAsync($"/registry/requests/{id}",
            r => (string?)r["evidence"]!["signal"] == "delivery-overdue", TimeSpan.FromSeconds(15));
        Assert.Equal("Transmitted", (string)overdue["status"]!);
        Assert.Contains($"Request {id} to NLD: delivery-overdue", platform.Registry.Output);

        // A delivered request carries no delivery signal: the UGA flow of other tests shows none.
        using var list = await registry.GetAsync("/registry/requests?state=UGA&status=Acknowledged&limit=5");
        Assert.All((await list.ReadObjectAsync())["items"]!.AsArray(), r => Assert.Null((string?)r!["evidence"]!["signal"]));
    }
}
