using System.Net;
using Cooperation.EndToEnd.Tests.Platform;

namespace Cooperation.EndToEnd.Tests.Requests;

/// <summary>Art 89(3)(e): after an unscheduled landing, detention is capped at 96 hours; the miss is told to the issuing organ.</summary>
[Collection(PlatformCollection.Name)]
public sealed class TransitDetentionTests(PlatformFixture platform)
{
    [Fact]
    public async Task An_unscheduled_landing_starts_a_96_hour_cap_that_falls_and_reaches_the_registry()
    {
        using var registry = platform.CreatePartnerClient("registry");
        using var uganda = platform.CreatePartnerClient("state:UGA");
        using var drafted = await registry.PostJsonAsync("/registry/requests", Samples.Complete("Transit", "UGA"));
        var id = (string)(await drafted.ReadObjectAsync())["id"]!;
        using var transmitted = await registry.PostAsync($"/registry/requests/{id}/transmit", null);
        Assert.Equal(HttpStatusCode.OK, transmitted.StatusCode);
        await uganda.WaitForAsync($"/states/UGA/requests/{id}", _ => true, TimeSpan.FromSeconds(20));

        // The landing was 96 hours ago less a few seconds: the cap falls almost at once.
        var landedAt = DateTimeOffset.UtcNow.AddHours(-96).AddSeconds(3);
        using var reported = await uganda.PostJsonAsync($"/states/UGA/requests/{id}/transit/unscheduled-landing", new { landedAt });
        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        var dueAt = DateTimeOffset.Parse((string)(await reported.ReadObjectAsync())["dueAt"]!);
        Assert.Equal(landedAt.AddHours(96), dueAt, TimeSpan.FromMilliseconds(1));

        var deadlines = await uganda.WaitForAsync($"/states/UGA/requests/{id}/deadlines",
            d => d["own"]!.AsArray().Any(x => (string)x!["kind"]! == "TransitDetention" && x["firedAt"] is not null), TimeSpan.FromSeconds(30));
        Assert.Single(deadlines["own"]!.AsArray(), x => (string)x!["kind"]! == "TransitDetention");
        var deadline = TimeSpan.FromSeconds(20);
        var until = DateTime.UtcNow + deadline;
        while (!platform.Registry.Output.Contains("(TransitDetention) for request " + id) && DateTime.UtcNow < until) await Task.Delay(200);
        Assert.Contains("(TransitDetention) for request " + id, platform.Registry.Output);

        // Only transit requests have a detention cap; the future is refused.
        using var future = await uganda.PostJsonAsync($"/states/UGA/requests/{id}/transit/unscheduled-landing", new { landedAt = DateTimeOffset.UtcNow.AddHours(1) });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
    }
}
