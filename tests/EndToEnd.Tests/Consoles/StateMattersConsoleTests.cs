using System.Text.RegularExpressions;
using Cooperation.EndToEnd.Tests.NonCompliance;
using Cooperation.EndToEnd.Tests.Platform;
using Microsoft.Playwright;
using static Cooperation.EndToEnd.Tests.Consoles.ConsoleBrowser;
using static Microsoft.Playwright.Assertions;

namespace Cooperation.EndToEnd.Tests.Consoles;

/// <summary>
/// A State's central authority follows a non-compliance matter about its State (Art 87(7)) in a real browser on the
/// real platform: Uganda's clerk finds the suspected matter, sees the Chamber's invitation to submit observations
/// arrive live with its reply-by date (Regulation 109), is told next to the box that observations are required, then
/// sends them through the State's API, and the Registry receives them. South Africa's clerk reaches none of it.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class StateMattersConsoleTests(PlatformFixture platform, ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    [Fact]
    public async Task A_clerk_sees_the_chamber_invite_observations_live_and_submits_them_by_the_reply_by_date()
    {
        using var registry = platform.CreatePartnerClient("registry");
        var requestId = await MatterDesk.TransmittedAsync(registry, "UGA");
        var matterId = (string)(await MatterDesk.OpenAsync(registry, requestId))["id"]!;

        var clerk = await browser.NewPageAsync();
        await SignInAsync(clerk, platform, "uga-clerk");
        await clerk.GetByRole(AriaRole.Link, new() { Name = "Non-compliance matters" }).ClickAsync();
        var row = clerk.Locator($"tr[data-matter='{matterId}']");
        await Expect(row).ToContainTextAsync("Suspected");
        await AssertAccessibleAsync(clerk);
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(clerk).ToHaveURLAsync(new Regex($"/console/state/matters/{matterId}$"));
        await InteractiveAsync(clerk);
        await Expect(clerk.Locator("#matter-step")).ToHaveTextAsync("Suspected");
        await Expect(clerk.GetByLabel("Observations", new() { Exact = true })).ToHaveCountAsync(0);
        await clerk.EvaluateAsync("() => window.sameDocument = true");

        // The Chamber invites observations (recorded by the Registry): the step and the date arrive without a reload.
        await MatterDesk.StepAsync(registry, matterId, "observations-invitation",
            new { decisionReference = "ICC-01/99-01/26-41", decidedOn = MatterDesk.Day(0), replyBy = MatterDesk.Day(14) });
        await Expect(clerk.Locator("#matter-step")).ToHaveTextAsync("ObservationsInvited");
        await Expect(clerk.Locator("#matter-observations-due")).ToContainTextAsync(MatterDesk.Day(14));
        await Expect(clerk.Locator("tr[data-step='ObservationsInvited']")).ToContainTextAsync("ICC-01/99-01/26-41");
        Assert.True(await clerk.EvaluateAsync<bool>("() => window.sameDocument === true"), "the matter page was reloaded");

        // Nothing typed: the API's 422 next to the box; then the observations go to the Court.
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Send the observations to the Court" }).ClickAsync();
        await Expect(clerk.Locator("#error-text")).ToContainTextAsync("required");
        await Expect(clerk.Locator("#observations-text")).ToHaveAttributeAsync("aria-invalid", "true");
        await AssertAccessibleAsync(clerk);
        const string observations = "Uganda was not informed of the visit in time; the central authority consulted the Court on arrival.";
        await clerk.GetByLabel("Observations", new() { Exact = true }).FillAsync(observations);
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Send the observations to the Court" }).ClickAsync();
        await Expect(clerk.Locator("#matter-observations")).ToContainTextAsync(observations);
        await Expect(clerk.GetByRole(AriaRole.Button, new() { Name = "Send the observations to the Court" })).ToHaveCountAsync(0);
        var atRegistry = await registry.WaitForAsync($"/registry/matters/{matterId}", m => (string?)m["observations"]?["text"] == observations, MatterDesk.Soon);
        Assert.Equal("ObservationsSubmitted", (string)atRegistry["step"]!);
        await AssertAccessibleAsync(clerk);
        await ScreenshotAsync(clerk, "state-matter");

        // South Africa's clerk: the matter about Uganda is "not found" and not listed.
        var other = await browser.NewPageAsync();
        await SignInAsync(other, platform, "zaf-clerk");
        var response = await other.GotoAsync(new Uri(platform.ConsoleUrl, $"state/matters/{matterId}").ToString());
        Assert.Equal(404, response!.Status);
        await other.GotoAsync(new Uri(platform.ConsoleUrl, "state/matters").ToString());
        await InteractiveAsync(other);
        await Expect(other.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Non-compliance matters");
        await Expect(other.Locator($"tr[data-matter='{matterId}']")).ToHaveCountAsync(0);
        foreach (var page in new[] { clerk, other }) await page.Context.CloseAsync();
    }
}
