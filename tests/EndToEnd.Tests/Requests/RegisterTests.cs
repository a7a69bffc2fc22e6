using System.Net;
using Cooperation.EndToEnd.Tests.Platform;

namespace Cooperation.EndToEnd.Tests.Requests;

/// <summary>
/// Channels and languages (Art 87(1)-(2), RPE 180): a State notifies a change, the Registry records
/// when it takes effect, and the Prosecutor learns it through messages only.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class RegisterTests(PlatformFixture platform)
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_change_without_an_agreed_date_takes_effect_45_days_after_the_registry_receives_it()
    {
        using var southAfrica = platform.CreatePartnerClient("state:ZAF");
        using var registry = platform.CreatePartnerClient("registry");
        using var prosecutor = platform.CreatePartnerClient("prosecutor");
        var channel = $"Ministry of Justice, desk {Guid.NewGuid():N}";

        using var notified = await southAfrica.PostJsonAsync("/states/ZAF/register/channel", new { channel, languages = new[] { "en", "af" } });
        Assert.Equal(HttpStatusCode.Accepted, notified.StatusCode);

        var entry = await registry.WaitForAsync("/registry/register/states/ZAF",
            r => r["history"]!.AsArray().Any(h => (string)h!["channel"]! == channel), Soon);
        var change = entry["history"]!.AsArray().Single(h => (string)h!["channel"]! == channel)!;
        var received = DateTimeOffset.Parse((string)change["receivedAt"]!);
        Assert.Equal(received.AddDays(45), DateTimeOffset.Parse((string)change["effectiveFrom"]!));
        Assert.NotEqual(channel, (string)entry["inEffect"]!["channel"]!); // not yet in effect

        var copy = await prosecutor.WaitForAsync("/prosecutor/register/states/ZAF",
            r => r["history"]!.AsArray().Any(h => (string)h!["channel"]! == channel), Soon);
        Assert.Equal((string)change["effectiveFrom"]!, (string)copy["history"]!.AsArray().Single(h => (string)h!["channel"]! == channel)!["effectiveFrom"]!);
    }

    [Fact]
    public async Task A_change_with_an_agreed_date_of_today_governs_new_requests_at_once()
    {
        using var southAfrica = platform.CreatePartnerClient("state:ZAF");
        using var prosecutor = platform.CreatePartnerClient("prosecutor");
        await prosecutor.WaitForAsync("/prosecutor/register/states/ZAF", r => r["inEffect"] is not null, Soon);

        // Dutch is not designated yet: a Dutch request is incomplete.
        using var before = await prosecutor.PostJsonAsync("/prosecutor/requests", Samples.Complete("OtherAssistance", "ZAF", language: "nl"));
        var beforeId = (string)(await before.ReadObjectAsync())["id"]!;
        using var refused = await prosecutor.PostAsync($"/prosecutor/requests/{beforeId}/transmit", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);

        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        using var notified = await southAfrica.PostJsonAsync("/states/ZAF/register/channel",
            new { channel = "Ministry of Justice and Security", languages = new[] { "nl", "en" }, agreedEffectiveDate = today });
        Assert.Equal(HttpStatusCode.Accepted, notified.StatusCode);
        await prosecutor.WaitForAsync("/prosecutor/register/states/ZAF",
            r => r["inEffect"]!["languages"]!.AsArray().Any(l => (string)l! == "nl"), Soon);

        using var after = await prosecutor.PostAsync($"/prosecutor/requests/{beforeId}/transmit", null);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);

        // The day it takes effect is a durable deadline at the Registry; when it falls the Prosecutor and the State are told.
        const string registered = "SELECT COUNT(*) FROM deadlines WHERE \"Kind\" = 'ChannelChangeEffective' AND \"StateCode\" = 'ZAF'";
        Assert.True(await platform.Database("registry").CountAsync(registered) >= 1);
        const string told = "SELECT COUNT(*) FROM deadline_notices WHERE \"Kind\" = 'ChannelChangeEffective' AND \"StateCode\" = 'ZAF'";
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        // Both are told by one dispatch of the Registry, on two queues: wait for each, not just the first.
        while ((await platform.Database("prosecutor").CountAsync(told) == 0 || await platform.Database("state-zaf").CountAsync(told) == 0)
               && DateTime.UtcNow < until) await Task.Delay(250);
        Assert.True(await platform.Database("prosecutor").CountAsync(told) >= 1, "the Prosecutor was not told the change took effect");
        Assert.True(await platform.Database("state-zaf").CountAsync(told) >= 1, "the State was not told the change took effect");
    }

    [Fact]
    public async Task A_state_cannot_notify_a_change_for_another_state()
    {
        using var southAfrica = platform.CreatePartnerClient("state:ZAF");
        using var response = await southAfrica.PostJsonAsync("/states/UGA/register/channel", new { channel = "x", languages = new[] { "en" } });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
