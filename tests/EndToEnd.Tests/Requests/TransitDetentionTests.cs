using System.Net;
using Cooperation.EndToEnd.Tests.Platform;

namespace Cooperation.EndToEnd.Tests.Requests;

/// <summary>
/// Art 89(3), RPE 182: an unscheduled landing is reported without a transit request and asks the Registry for
/// one; detention is capped at 96 hours unless the request comes in time; otherwise the person is released.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class TransitDetentionTests(PlatformFixture platform)
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Art89_3_e_a_landing_reported_without_a_request_whose_96_hours_run_out_ends_in_release_RPE_182_2()
    {
        using var registry = platform.CreatePartnerClient("registry");
        using var uganda = platform.CreatePartnerClient("state:UGA");

        // The landing was 96 hours ago less a few seconds: the cap falls almost at once. No transit request exists.
        var landedAt = DateTimeOffset.UtcNow.AddHours(-96).AddSeconds(3);
        using var reported = await uganda.PostJsonAsync("/states/UGA/transit/unscheduled-landings",
            new { landedAt, personDescription = "Adult, escorted by two officers", warrantReference = "ICC-01/99-01/26-5" });
        var landing = await reported.ReadObjectAsync();
        Assert.True(reported.StatusCode == HttpStatusCode.Created, landing.ToJsonString());
        var lid = (string)landing["id"]!;
        Assert.Equal("Detained", (string)landing["status"]!);
        Assert.Equal(landedAt.AddHours(96), DateTimeOffset.Parse((string)landing["detentionEndsAt"]!), TimeSpan.FromMilliseconds(1));

        // The Registry is asked for a transit request.
        var atRegistry = await registry.WaitForAsync($"/registry/transit/unscheduled-landings/{lid}", _ => true, Soon);
        Assert.Equal("UGA", (string)atRegistry["stateCode"]!);
        Assert.Equal("Detained", (string)atRegistry["status"]!);

        // Releasing before the 96 hours is refused; once they have run the State records the release.
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!platform.Registry.Output.Contains("(TransitDetention) for request " + lid) && DateTime.UtcNow < until) await Task.Delay(200);
        Assert.Contains("(TransitDetention) for request " + lid, platform.Registry.Output);
        var due = await uganda.GetFromJsonObjectAsync($"/states/UGA/transit/unscheduled-landings/{lid}");
        Assert.True((bool)due["releaseDue"]!);
        using var released = await uganda.PostAsync($"/states/UGA/transit/unscheduled-landings/{lid}/release", null);
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.Equal("Released", (string)(await released.ReadObjectAsync())["status"]!);
        await registry.WaitForAsync($"/registry/transit/unscheduled-landings/{lid}", l => (string)l["status"]! == "Released", Soon);

        using var future = await uganda.PostJsonAsync("/states/UGA/transit/unscheduled-landings", new { landedAt = DateTimeOffset.UtcNow.AddHours(1) });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
    }

    [Fact]
    public async Task Art89_3_e_a_transit_request_naming_the_landing_within_96_hours_ends_the_cap()
    {
        using var registry = platform.CreatePartnerClient("registry");
        using var uganda = platform.CreatePartnerClient("state:UGA");
        using var reported = await uganda.PostJsonAsync("/states/UGA/transit/unscheduled-landings", new { landedAt = DateTimeOffset.UtcNow.AddMinutes(-30) });
        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        var lid = (string)(await reported.ReadObjectAsync())["id"]!;
        using var early = await uganda.PostAsync($"/states/UGA/transit/unscheduled-landings/{lid}/release", null);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.EndsWith("/cap-not-reached", (string)(await early.ReadObjectAsync())["type"]!);
        await registry.WaitForAsync($"/registry/transit/unscheduled-landings/{lid}", _ => true, Soon);

        using var drafted = await registry.PostJsonAsync("/registry/requests", new
        {
            kind = "Transit", stateCode = "UGA", classification = "Confidential", language = "en",
            contents = new
            {
                person = new { description = "Adult, 1.80 m" },
                facts = "War crimes (Art 8(2)(e)(i))",
                warrant = new { reference = "ICC-01/99-01/26-5", title = "Warrant of arrest", sha256 = new string('e', 64) },
                unscheduledLandingId = lid,
            },
        });
        var id = (string)(await drafted.ReadObjectAsync())["id"]!;
        using var transmitted = await registry.PostAsync($"/registry/requests/{id}/transmit", null);
        Assert.Equal(HttpStatusCode.OK, transmitted.StatusCode);

        var received = await uganda.WaitForAsync($"/states/UGA/transit/unscheduled-landings/{lid}",
            l => (string)l["status"]! == "TransitRequestReceived", Soon);
        Assert.Equal(id, (string)received["transitRequestId"]!);
        Assert.False((bool)received["releaseDue"]!);
        await registry.WaitForAsync($"/registry/transit/unscheduled-landings/{lid}", l => (string?)l["transitRequestId"] == id, Soon);

        // Art 89(3)(a): transit may be refused only where it would impede or delay the surrender.
        await uganda.WaitForAsync($"/states/UGA/requests/{id}", _ => true, Soon);
        using var ack = await uganda.PostJsonAsync($"/states/UGA/requests/{id}/acknowledge", new { acknowledgedBy = "Central authority" });
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        using var wrongGround = await uganda.PostJsonAsync($"/states/UGA/requests/{id}/deny", new { ground = "NationalSecurity", reasons = "x" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongGround.StatusCode);
        using var refused = await uganda.PostJsonAsync($"/states/UGA/requests/{id}/deny",
            new { ground = "TransitWouldImpedeSurrender", reasons = "Transit through the territory would delay the surrender." });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        await registry.WaitForAsync($"/registry/requests/{id}", r => (string)r["status"]! == "Denied", Soon);
    }

    [Fact]
    public async Task Art89_3_d_air_transit_with_no_landing_scheduled_needs_no_authorisation()
    {
        using var registry = platform.CreatePartnerClient("registry");
        using var drafted = await registry.PostJsonAsync("/registry/requests", new
        {
            kind = "Transit", stateCode = "UGA", classification = "Confidential", language = "en",
            contents = new
            {
                person = new { description = "Adult, 1.80 m" },
                facts = "War crimes (Art 8(2)(e)(i))",
                warrant = new { reference = "ICC-01/99-01/26-5", title = "Warrant of arrest", sha256 = new string('e', 64) },
                route = new { byAir = true, landingScheduled = false },
            },
        });
        var id = (string)(await drafted.ReadObjectAsync())["id"]!;
        using var transmitted = await registry.PostAsync($"/registry/requests/{id}/transmit", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, transmitted.StatusCode);
        Assert.Contains("contents.route", (await transmitted.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key));
    }
}
