using System.Text.RegularExpressions;
using Cooperation.EndToEnd.Tests.Alerts;
using Cooperation.EndToEnd.Tests.Platform;
using Microsoft.Playwright;
using static Cooperation.EndToEnd.Tests.Consoles.ConsoleBrowser;
using static Microsoft.Playwright.Assertions;

namespace Cooperation.EndToEnd.Tests.Consoles;

/// <summary>
/// A State's central authority works its travel alerts (Art 86, 89(1), 97) in a real browser on the real platform:
/// Uganda's clerk finds the alert (in French too), sees Uganda's own visit only (South Africa's transit on the same
/// alert never shows), acknowledges it, reports new dates (the 422 next to the date first, what was typed kept),
/// consults the Court from the alert in two clicks (the ground, then "open"), and reports the visit cancelled; each
/// step reaches the Registry's board or thread through the State's API. South Africa's clerk gets "not found" for an
/// alert addressed to Uganda alone, and on the shared alert sees its own copy, not Uganda's acknowledgement.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class StateAlertsConsoleTests(PlatformFixture platform, ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    [Fact]
    public async Task A_clerk_acknowledges_an_alert_consults_from_it_in_two_clicks_and_reports_the_visit_changed_then_cancelled()
    {
        var flow = new AlertFlow(platform);
        using var registry = flow.Registry();
        var (requestId, _) = await flow.DeliveredArrestRequestAsync(registry, "UGA", person: "Fictitious Person V");
        var shared = await AlertFlow.IssueAsync(registry, requestId, AlertFlow.Entry("UGA", "Destination", 3, 5), AlertFlow.Entry("ZAF", "Transit", 1, 1));
        var alertId = (string)shared["id"]!;
        var (otherRequest, _) = await flow.DeliveredArrestRequestAsync(registry, "UGA", person: "Fictitious Person W");
        var ugandaOnly = (string)(await AlertFlow.IssueAsync(registry, otherRequest, AlertFlow.Entry("UGA", "Destination", 6, 7)))["id"]!;
        await AlertFlow.WaitBoardAsync(registry, alertId, b => (string)AlertFlow.EntryOf(b, "UGA")["stage"]! == "Delivered");
        await AlertFlow.WaitBoardAsync(registry, ugandaOnly, b => (string)AlertFlow.EntryOf(b, "UGA")["stage"]! == "Delivered");

        // The list in French (Art 50(2)): the alert waits for its acknowledgement.
        var french = await browser.NewPageAsync("fr-FR");
        await SignInAsync(french, platform, "uga-clerk");
        await french.GotoAsync(new Uri(platform.ConsoleUrl, "state/alerts").ToString());
        await Expect(french.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Alertes de déplacement");
        await Expect(french.Locator($"tr[data-alert='{alertId}']")).ToContainTextAsync("Pas encore");
        await AssertAccessibleAsync(french);
        await ScreenshotAsync(french, "state-alerts-fr");
        await french.Context.CloseAsync();

        var clerk = await browser.NewPageAsync();
        await SignInAsync(clerk, platform, "uga-clerk");
        await clerk.GetByRole(AriaRole.Link, new() { Name = "Travel alerts" }).ClickAsync();
        var row = clerk.Locator($"tr[data-alert='{alertId}']");
        await Expect(row).ToContainTextAsync($"{AlertFlow.Day(3)} – {AlertFlow.Day(5)} (Destination)");
        await Expect(row).ToContainTextAsync("Not yet");
        await Expect(clerk.Locator($"tr[data-alert='{ugandaOnly}']")).ToBeVisibleAsync();
        await AssertAccessibleAsync(clerk);
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(clerk).ToHaveURLAsync(new Regex($"/console/state/alerts/{alertId}$"));
        await InteractiveAsync(clerk);

        // Uganda's visit only: nothing of South Africa's transit on the same alert, and never the person's name.
        await Expect(clerk.Locator("#alert-expected")).ToHaveTextAsync($"{AlertFlow.Day(3)} – {AlertFlow.Day(5)} (Destination)");
        await Expect(clerk.Locator("#alert-obligation")).ToContainTextAsync("Art 97");
        var body = await clerk.InnerTextAsync("main");
        Assert.DoesNotContain("ZAF", body);
        Assert.DoesNotContain("Transit", body);
        Assert.DoesNotContain("Fictitious", await clerk.TitleAsync());

        await clerk.GetByRole(AriaRole.Button, new() { Name = "Acknowledge the alert" }).ClickAsync();
        await Expect(clerk.Locator("#alert-acknowledged")).ToContainTextAsync("uga-clerk");
        await AlertFlow.WaitBoardAsync(registry, alertId, b => (string?)AlertFlow.EntryOf(b, "UGA")["acknowledgedBy"] == "uga-clerk");

        // New dates, the last before the first: the API's 422 next to it, nothing sent, the dates as typed.
        await clerk.GetByLabel("New first day expected").FillAsync(AlertFlow.Day(9));
        await clerk.GetByLabel("New last day expected").FillAsync(AlertFlow.Day(8));
        await clerk.GetByLabel("Note for the Registry (optional)").FillAsync("Postponed by the host");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Report the new dates" }).ClickAsync();
        await Expect(clerk.Locator("#error-expectedUntil")).ToContainTextAsync("on or after");
        await Expect(clerk.Locator("#field-expectedUntil")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(clerk.Locator("#changed-problem")).ToContainTextAsync("Nothing was recorded");
        await Expect(clerk.GetByLabel("New first day expected")).ToHaveValueAsync(AlertFlow.Day(9));
        await Expect(clerk.Locator("#alert-visit")).ToHaveTextAsync("Expected");
        await AssertAccessibleAsync(clerk);
        await clerk.GetByLabel("New last day expected").FillAsync(AlertFlow.Day(10));
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Report the new dates" }).ClickAsync();
        await Expect(clerk.Locator("#alert-visit")).ToHaveTextAsync("Changed");
        await Expect(clerk.Locator("#alert-expected")).ToContainTextAsync($"{AlertFlow.Day(9)} – {AlertFlow.Day(10)}");
        await Expect(clerk.Locator("#error-expectedUntil")).ToHaveCountAsync(0);
        var board = await AlertFlow.WaitBoardAsync(registry, alertId, b => (string)AlertFlow.EntryOf(b, "UGA")["visit"]!["status"]! == "Changed");
        Assert.Equal(AlertFlow.Day(10), (string)AlertFlow.EntryOf(board, "UGA")["visit"]!["expectedUntil"]!);

        // Art 97 from the alert in two clicks: the ground (its obstacle written out), then open.
        await clerk.GetByRole(AriaRole.Button, new() { Name = "PersonNotLocated (97(b))" }).ClickAsync();
        await Expect(clerk.GetByLabel("What stands in the way")).ToHaveValueAsync(new Regex("cannot be located"));
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Open the consultation" }).ClickAsync();
        await Expect(clerk.Locator("#alert-consultation")).ToContainTextAsync("PersonNotLocated");
        await Expect(clerk.GetByRole(AriaRole.Button, new() { Name = "Open the consultation" })).ToHaveCountAsync(0);
        board = await AlertFlow.WaitBoardAsync(registry, alertId, b => AlertFlow.EntryOf(b, "UGA")["consultation"] is not null);
        var consultationId = (string)AlertFlow.EntryOf(board, "UGA")["consultation"]!["id"]!;
        var thread = await registry.WaitForAsync($"/registry/requests/{requestId}/consultations/{consultationId}", _ => true, AlertFlow.Soon);
        Assert.Equal("PersonNotLocated", (string)thread["grounds"]![0]!["ground"]!);
        Assert.Contains("cannot be located", (string)thread["description"]!);

        await clerk.GetByLabel("How you know (optional)").FillAsync("The host called the trip off.");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Report the visit cancelled" }).ClickAsync();
        await Expect(clerk.Locator("#alert-visit")).ToHaveTextAsync("Cancelled");
        await Expect(clerk.GetByRole(AriaRole.Button, new() { Name = "Report the new dates" })).ToHaveCountAsync(0);
        await AlertFlow.WaitBoardAsync(registry, alertId, b => (string)AlertFlow.EntryOf(b, "UGA")["visit"]!["status"]! == "Cancelled");
        await AssertAccessibleAsync(clerk);
        await ScreenshotAsync(clerk, "state-alert");

        // South Africa's clerk: Uganda's own alert is "not found", by address; the shared one is South Africa's copy.
        var other = await browser.NewPageAsync();
        await SignInAsync(other, platform, "zaf-clerk");
        var response = await other.GotoAsync(new Uri(platform.ConsoleUrl, $"state/alerts/{ugandaOnly}").ToString());
        Assert.Equal(404, response!.Status);
        await Expect(other.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await other.GotoAsync(new Uri(platform.ConsoleUrl, "state/alerts").ToString());
        await Expect(other.Locator($"tr[data-alert='{alertId}']")).ToContainTextAsync($"{AlertFlow.Day(1)} – {AlertFlow.Day(1)} (Transit)");
        await Expect(other.Locator($"tr[data-alert='{ugandaOnly}']")).ToHaveCountAsync(0);
        await other.GotoAsync(new Uri(platform.ConsoleUrl, $"state/alerts/{alertId}").ToString());
        await Expect(other.Locator("#alert-acknowledged")).ToHaveTextAsync("Not yet");
        await Expect(other.Locator("#alert-visit")).ToHaveTextAsync("Expected");
        Assert.DoesNotContain("uga-clerk", await other.InnerTextAsync("main"));
        foreach (var page in new[] { clerk, other }) await page.Context.CloseAsync();
    }
}
