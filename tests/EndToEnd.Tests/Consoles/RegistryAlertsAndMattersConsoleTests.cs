using System.Net;
using System.Text.RegularExpressions;
using Cooperation.EndToEnd.Tests.Alerts;
using Cooperation.EndToEnd.Tests.NonCompliance;
using Cooperation.EndToEnd.Tests.Platform;
using Microsoft.Playwright;
using static Cooperation.EndToEnd.Tests.Consoles.ConsoleBrowser;
using static Microsoft.Playwright.Assertions;

namespace Cooperation.EndToEnd.Tests.Consoles;

/// <summary>
/// The Registry's desk in a real browser on the real platform: from an arrest request's page the officer alerts two
/// States where the person is expected (Art 86, 89(1), 97; the 422 naming the incomplete row's fields next to them,
/// the first row kept); the per-State board shows each delivery, Uganda's acknowledgement (who, when) and South
/// Africa's overdue signal arriving live. The non-compliance matter on the request (Art 87(7)) is listed, and the
/// Chamber's invitation to submit observations is recorded on its page (the 422 by its fields first). South Africa's
/// clerk reaches none of these pages, by address.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class RegistryAlertsAndMattersConsoleTests(PlatformFixture platform, ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    [Fact]
    public async Task The_registry_alerts_states_follows_the_board_live_and_records_a_chamber_step_on_a_matter()
    {
        var flow = new AlertFlow(platform);
        using var registry = flow.Registry();
        var (requestId, _) = await flow.DeliveredArrestRequestAsync(registry, "UGA", person: "Fictitious Person Q");

        var officer = await browser.NewPageAsync();
        await SignInAsync(officer, platform, "registry-officer");
        await officer.GotoAsync(new Uri(platform.ConsoleUrl, $"requests/{requestId}").ToString());
        await InteractiveAsync(officer);
        var form = officer.GetByRole(AriaRole.Form, new() { Name = "Alert States" });
        await form.Locator("#alert-0-state").FillAsync("UGA");
        await form.Locator("#alert-0-from").FillAsync(AlertFlow.Day(2));
        await form.Locator("#alert-0-until").FillAsync(AlertFlow.Day(4));
        await form.GetByRole(AriaRole.Button, new() { Name = "Add a State" }).ClickAsync();
        await form.Locator("#alert-1-state").FillAsync("ZAF");
        await form.GetByRole(AriaRole.Button, new() { Name = "Issue the alert" }).ClickAsync();

        // The second row lacks its dates: said next to them; nothing was sent and the first row is as typed.
        await Expect(officer.Locator("#alert-problem")).ToContainTextAsync("Nothing was sent");
        await Expect(officer.Locator("#error-states-1-expectedFrom")).ToContainTextAsync("first day");
        await Expect(officer.Locator("#alert-1-until")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(officer.Locator("#error-states-0-expectedFrom")).ToHaveCountAsync(0);
        await Expect(form.Locator("#alert-0-state")).ToHaveValueAsync("UGA");
        await AssertAccessibleAsync(officer);

        await form.Locator("#alert-1-role").SelectOptionAsync("Transit");
        await form.Locator("#alert-1-from").FillAsync(AlertFlow.Day(1));
        await form.Locator("#alert-1-until").FillAsync(AlertFlow.Day(1));
        await form.GetByRole(AriaRole.Button, new() { Name = "Issue the alert" }).ClickAsync();
        await Expect(officer).ToHaveURLAsync(new Regex("/console/alerts/[0-9a-f-]{36}$"));
        var alertId = officer.Url[^36..];
        Assert.DoesNotContain("Fictitious", await officer.TitleAsync());

        var uga = officer.Locator("tr[data-state='UGA']");
        var zaf = officer.Locator("tr[data-state='ZAF']");
        await Expect(uga).ToContainTextAsync("Delivered");
        await Expect(zaf).ToContainTextAsync("sent with the alert");
        await Expect(zaf).ToContainTextAsync("Transit");
        await officer.EvaluateAsync("() => window.sameDocument = true");

        // Uganda acknowledges through its API: who and when appear without a reload; South Africa's clock runs out.
        using var uganda = flow.State("UGA");
        using var acknowledged = await AlertFlow.PostAsync(uganda, $"/states/UGA/alerts/{alertId}/acknowledge", new { acknowledgedBy = "Central authority, desk 2" });
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        await Expect(uga).ToContainTextAsync("by Central authority, desk 2");
        await Expect(zaf).ToContainTextAsync("Overdue (not acknowledged)", new() { Timeout = 60_000 });
        await Expect(officer.Locator("#alert-overdue")).ToHaveTextAsync("1");
        Assert.True(await officer.EvaluateAsync<bool>("() => window.sameDocument === true"), "the board was reloaded");
        await AssertAccessibleAsync(officer);
        await ScreenshotAsync(officer, "registry-alert-board");

        await officer.GetByRole(AriaRole.Link, new() { Name = "Travel alerts" }).ClickAsync();
        var listed = officer.Locator($"tr[data-alert='{alertId}']");
        await Expect(listed).ToContainTextAsync("2");
        await Expect(listed).ToHaveClassAsync("signal");
        await AssertAccessibleAsync(officer);

        // The matter on Uganda's request: listed, filtered by State, and the Chamber's invitation recorded on its page.
        var matterId = (string)(await MatterDesk.OpenAsync(registry, requestId))["id"]!;
        await officer.GetByRole(AriaRole.Link, new() { Name = "Non-compliance matters" }).ClickAsync();
        await officer.GetByLabel("State (ISO code)").FillAsync("UGA");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        var matter = officer.Locator($"tr[data-matter='{matterId}']");
        await Expect(matter).ToContainTextAsync("Suspected");
        await AssertAccessibleAsync(officer);
        await matter.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(officer).ToHaveURLAsync(new Regex($"/console/matters/{matterId}$"));
        await InteractiveAsync(officer);

        await officer.GetByLabel("Decision reference").FillAsync("ICC-01/99-01/26-31");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Expect(officer.Locator("#error-decidedOn")).ToContainTextAsync("required");
        await Expect(officer.Locator("#error-replyBy")).ToContainTextAsync("required");
        await Expect(officer.GetByLabel("Decision reference")).ToHaveValueAsync("ICC-01/99-01/26-31");
        await officer.GetByLabel("Decided on").FillAsync(MatterDesk.Day(0));
        await officer.GetByLabel("Observations due by").FillAsync(MatterDesk.Day(14));
        await officer.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Expect(officer.Locator("#matter-step")).ToHaveTextAsync("ObservationsInvited");
        await Expect(officer.Locator("#matter-observations-due")).ToContainTextAsync(MatterDesk.Day(14));
        await Expect(officer.Locator("tr[data-step='ObservationsInvited']")).ToContainTextAsync("ICC-01/99-01/26-31");
        await AssertAccessibleAsync(officer);
        await ScreenshotAsync(officer, "registry-matter");

        // Another State's clerk: the Registry's alert and matter pages are "not found", like any unknown address.
        var other = await browser.NewPageAsync();
        await SignInAsync(other, platform, "zaf-clerk");
        foreach (var path in new[] { $"alerts/{alertId}", "alerts", $"matters/{matterId}", "matters" })
        {
            var response = await other.GotoAsync(new Uri(platform.ConsoleUrl, path).ToString());
            Assert.Equal(404, response!.Status);
            await Expect(other.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
            await Expect(other.GetByText("UGA")).ToHaveCountAsync(0);
        }
        foreach (var page in new[] { officer, other }) await page.Context.CloseAsync();
    }
}
