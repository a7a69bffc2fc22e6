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

        // Art 91(4): the requirements agreed after consulting the Court travel with the entry (not in effect for 45 days,
        // so no other test's request meets them yet).
        using var notified = await southAfrica.PostJsonAsync("/states/ZAF/register/channel", new
        {
            channel, languages = new[] { "en", "af" },
            surrenderDocumentRequirements = new[] { "Certified copy of the warrant" },
            assistanceInformationRequirements = new[] { "Name of the magistrate to be seized" },
        });
        Assert.Equal(HttpStatusCode.Accepted, notified.StatusCode);

        var entry = await registry.WaitForAsync("/registry/register/states/ZAF",
            r => r["history"]!.AsArray().Any(h => (string)h!["channel"]! == channel), Soon);
        var change = entry["history"]!.AsArray().Single(h => (string)h!["channel"]! == channel)!;
        var received = DateTimeOffset.Parse((string)change["receivedAt"]!);
        Assert.Equal(received.AddDays(45), DateTimeOffset.Parse((string)change["effectiveFrom"]!));
        Assert.NotEqual(channel, (string)entry["inEffect"]!["channel"]!); // not yet in effect
        Assert.Equal("Certified copy of the warrant", (string)change["surrenderDocumentRequirements"]![0]!);

        var copy = await prosecutor.WaitForAsync("/prosecutor/register/states/ZAF",
            r => r["history"]!.AsArray().Any(h => (string)h!["channel"]! == channel), Soon);
        var copied = copy["history"]!.AsArray().Single(h => (string)h!["channel"]! == channel)!;
        Assert.Equal((string)change["effectiveFrom"]!, (string)copied["effectiveFrom"]!);
        Assert.Equal("Name of the magistrate to be seized", (string)copied["assistanceInformationRequirements"]![0]!);
    }

    [Fact]
    public async Task A_change_with_a_date_the_registry_agreed_to_today_governs_new_requests_at_once()
    {
        using var southAfrica = platform.CreatePartnerClient("state:ZAF");
        using var registry = platform.CreatePartnerClient("registry");
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

        // RPE 180 "as agreed": the State's date is a proposal; until the Registry accepts it the 45-day default governs.
        var entry = await registry.WaitForAsync("/registry/register/states/ZAF",
            r => r["history"]!.AsArray().Any(h => (string?)h!["proposedEffectiveDate"] == today && h["dateAgreedAt"] is null), Soon);
        var proposal = entry["history"]!.AsArray().Last(h => (string?)h!["proposedEffectiveDate"] == today)!;
        Assert.Equal(DateTimeOffset.Parse((string)proposal["receivedAt"]!).AddDays(45), DateTimeOffset.Parse((string)proposal["effectiveFrom"]!));
        using (var stillRefused = await prosecutor.PostAsync($"/prosecutor/requests/{beforeId}/transmit", null))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, stillRefused.StatusCode);

        // The State's own node shows what the Registry recorded: its proposal, pending, and the 45-day default meanwhile.
        var proposalId = (string)proposal["id"]!;
        var pending = (await southAfrica.WaitForAsync("/states/ZAF/register",
            r => r["entries"]!.AsArray().Any(e => (string)e!["id"]! == proposalId), Soon))["entries"]!.AsArray();
        var own = pending.Single(e => (string)e!["id"]! == proposalId)!;
        Assert.Equal(today, (string?)own["proposedEffectiveDate"]);
        Assert.Null(own["dateAgreedAt"]);
        Assert.False((bool)own["inEffect"]!);

        using (var accepted = await registry.PostAsync($"/registry/register/states/ZAF/designations/{(string)proposal["id"]!}/accept-date", null))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            Assert.NotNull((await accepted.ReadObjectAsync())["dateAgreedAt"]);
        }
        using (var twice = await registry.PostAsync($"/registry/register/states/ZAF/designations/{(string)proposal["id"]!}/accept-date", null))
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        // ... and is told at once that the date is agreed and the change governs (RPE 180); no other State's node has it.
        var agreed = (await southAfrica.WaitForAsync("/states/ZAF/register",
            r => r["entries"]!.AsArray().Any(e => (string)e!["id"]! == proposalId && e["dateAgreedAt"] is not null), Soon))["entries"]!.AsArray();
        Assert.True((bool)agreed.Single(e => (string)e!["id"]! == proposalId)!["inEffect"]!);
        using var uganda = platform.CreatePartnerClient("state:UGA");
        var ugandasOwn = (await uganda.GetFromJsonObjectAsync("/states/UGA/register"))["entries"]!.AsArray();
        Assert.DoesNotContain(ugandasOwn, e => (string)e!["id"]! == proposalId);
        await prosecutor.WaitForAsync("/prosecutor/register/states/ZAF",
            r => r["inEffect"]!["languages"]!.AsArray().Any(l => (string)l! == "nl"), Soon);

        using var after = await prosecutor.PostAsync($"/prosecutor/requests/{beforeId}/transmit", null);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);

        // The day it takes effect is a durable deadline at the Registry; when it falls the Prosecutor and the State are told.
        const string registered = "SELECT COUNT(*) FROM deadlines WHERE \"Kind\" = 'ChannelChangeEffective' AND \"StateCode\" = 'ZAF'";
        Assert.True(await platform.Database("registry").CountAsync(registered) >= 1);
        const string told = "SELECT COUNT(*) FROM deadline_notices WHERE \"Kind\" = 'ChannelChangeEffective' AND \"StateCode\" = 'ZAF'";
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        // The two notices travel separately (the Prosecutor's exchange, the State's queue): wait for both.
        while ((await platform.Database("prosecutor").CountAsync(told) == 0 || await platform.Database("state-zaf").CountAsync(told) == 0)
               && DateTime.UtcNow < until)
            await Task.Delay(250);
        Assert.True(await platform.Database("prosecutor").CountAsync(told) >= 1, "the Prosecutor was not told the change took effect");
        Assert.True(await platform.Database("state-zaf").CountAsync(told) >= 1, "the State was not told the change took effect");
    }

    [Fact]
    public async Task A_past_date_is_refused_with_422_and_changes_nothing()
    {
        using var southAfrica = platform.CreatePartnerClient("state:ZAF");
        using var registry = platform.CreatePartnerClient("registry");
        var channel = $"Backdated desk {Guid.NewGuid():N}";
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd");

        using var refused = await southAfrica.PostJsonAsync("/states/ZAF/register/channel",
            new { channel, languages = new[] { "en" }, agreedEffectiveDate = yesterday });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.ReadObjectAsync();
        Assert.NotNull(problem["errors"]!["agreedEffectiveDate"]);

        // A change that was accepted is recorded within Soon; the refused one never is.
        using var control = await southAfrica.PostJsonAsync("/states/ZAF/register/channel", new { channel = channel + " control", languages = new[] { "en" } });
        Assert.Equal(HttpStatusCode.Accepted, control.StatusCode);
        var entry = await registry.WaitForAsync("/registry/register/states/ZAF",
            r => r["history"]!.AsArray().Any(h => (string)h!["channel"]! == channel + " control"), Soon);
        Assert.DoesNotContain(entry["history"]!.AsArray(), h => (string)h!["channel"]! == channel);
        // Without a proposal there is nothing to accept.
        var controlEntry = entry["history"]!.AsArray().Last(h => (string)h!["channel"]! == channel + " control")!;
        using var nothingToAccept = await registry.PostAsync($"/registry/register/states/ZAF/designations/{(string)controlEntry["id"]!}/accept-date", null);
        Assert.Equal(HttpStatusCode.Conflict, nothingToAccept.StatusCode);
    }

    [Fact]
    public async Task A_state_cannot_notify_a_change_for_another_state()
    {
        using var southAfrica = platform.CreatePartnerClient("state:ZAF");
        using var response = await southAfrica.PostJsonAsync("/states/UGA/register/channel", new { channel = "x", languages = new[] { "en" } });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
