using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cooperation.EndToEnd.Tests.Alerts;
using Cooperation.EndToEnd.Tests.Consultations;
using Cooperation.EndToEnd.Tests.Platform;
using Microsoft.Playwright;
using static Cooperation.EndToEnd.Tests.Consoles.ConsoleBrowser;
using static Microsoft.Playwright.Assertions;

namespace Cooperation.EndToEnd.Tests.Consoles;

/// <summary>
/// The cooperation records (issue 9 §4) as charts on the Registry's desk: consultation timeliness per State (Art 97) over
/// six months and acknowledgements overdue per month, each an SVG named by its caption and a sentence, with a table of the
/// same figures — which are the API's own (GET /registry/records, one call per month). The Assembly's focal point reads
/// the page too; a State's clerk does not.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class RecordsChartsConsoleTests(PlatformFixture platform, ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    [Fact]
    public async Task The_registry_sees_consultation_timeliness_per_state_and_overdue_counts_per_month_charted_with_the_apis_figures()
    {
        // This month: Uganda opens a consultation on a request delivered to it; South Africa lets an alert's clock run out.
        var flow = new AlertFlow(platform);
        using var registry = flow.Registry();
        using var uganda = flow.State("UGA");
        var (requestId, _) = await flow.DeliveredArrestRequestAsync(registry, "UGA", person: "Fictitious Person R");
        using (var ack = await uganda.PostJsonAsync($"/states/UGA/requests/{requestId}/acknowledge", new { acknowledgedBy = "Central authority" }))
            Assert.True(ack.IsSuccessStatusCode, await ack.Content.ReadAsStringAsync());
        var consultation = await ConsultationSamples.OpenAtStateAsync(uganda, "UGA", requestId, ConsultationSamples.OpenBody());
        await registry.WaitForAsync($"/registry/requests/{requestId}/consultations/{(string)consultation["id"]!}", _ => true, AlertFlow.Soon);
        var alertId = (string)(await AlertFlow.IssueAsync(registry, requestId, AlertFlow.Entry("ZAF")))["id"]!;
        await AlertFlow.WaitBoardAsync(registry, alertId, b => (string?)AlertFlow.EntryOf(b, "ZAF")["signal"] == "Overdue", TimeSpan.FromSeconds(90));

        // Every alert clock fallen or met (other tests' too), so the figures hold still; then the API's, for the page's periods.
        await AlertFlow.WaitForAlertClocksAsync(platform);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var whole = await registry.GetFromJsonObjectAsync($"/registry/records?from={Iso(thisMonth.AddMonths(-5))}&to={Iso(today)}");
        var month = await registry.GetFromJsonObjectAsync($"/registry/records?from={Iso(thisMonth)}&to={Iso(today)}");
        var ugaRecord = whole["states"]!.AsArray().Single(s => (string)s!["stateCode"]! == "UGA")!["consultations"]!;
        var (opened, within) = ((int)ugaRecord["openedByState"]!, (int)ugaRecord["openedWithinServiceLevel"]!);
        Assert.True(opened >= 1);
        var allOpened = whole["states"]!.AsArray().Sum(s => (int)s!["consultations"]!["openedByState"]!);
        var alertsOverdue = Sum(month, "alerts", "overdue");
        var requestsOverdue = Sum(month, "requests", "acknowledgementOverdue");
        Assert.True(alertsOverdue >= 1);

        var officer = await browser.NewPageAsync();
        await SignInAsync(officer, platform, "registry-officer");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Cooperation records" }).ClickAsync();
        await Expect(officer).ToHaveURLAsync(new Regex("/console/records$"));

        var uga = officer.Locator("#timeliness-table tr[data-category='UGA']");
        await Expect(uga.Locator("td[data-figure='openedByState']")).ToHaveTextAsync(opened.ToString(CultureInfo.InvariantCulture));
        await Expect(uga.Locator("td[data-figure='withinServiceLevel']")).ToHaveTextAsync(within.ToString(CultureInfo.InvariantCulture));
        await Expect(uga.Locator("td[data-figure='late']")).ToHaveTextAsync((opened - within).ToString(CultureInfo.InvariantCulture));
        await Expect(officer.Locator("#timeliness-summary")).ToContainTextAsync($"States opened {allOpened} consultations in the period");

        // The chart draws the same figures: a bar per series and State, to scale (a zero is flat, a count is not).
        var chart = officer.Locator("#timeliness svg[role='img']");
        await Expect(chart).ToHaveAttributeAsync("aria-labelledby", "timeliness-caption timeliness-summary");
        var withinBar = chart.Locator("rect[data-category='UGA'][data-series='withinServiceLevel']");
        var lateBar = chart.Locator("rect[data-category='UGA'][data-series='late']");
        await Expect(withinBar).ToHaveAttributeAsync("data-value", within.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(within > 0, await HeightAsync(withinBar) > 0);
        Assert.Equal(opened - within > 0, await HeightAsync(lateBar) > 0);

        // Overdue per month: six rows, this month's counts the API's (the alert South Africa left unanswered among them).
        await Expect(officer.Locator("#overdue-table tbody tr")).ToHaveCountAsync(6);
        var monthKey = today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var now = officer.Locator($"#overdue-table tr[data-category='{monthKey}']");
        await Expect(now.Locator("td[data-figure='alertsOverdue']")).ToHaveTextAsync(alertsOverdue.ToString(CultureInfo.InvariantCulture));
        await Expect(now.Locator("td[data-figure='requestsOverdue']")).ToHaveTextAsync(requestsOverdue.ToString(CultureInfo.InvariantCulture));
        await Expect(officer.Locator($"#overdue svg rect[data-category='{monthKey}'][data-series='alertsOverdue']"))
            .ToHaveAttributeAsync("data-value", alertsOverdue.ToString(CultureInfo.InvariantCulture));
        await Expect(officer.Locator("#overdue-summary")).ToContainTextAsync("acknowledgements overdue");
        await AssertAccessibleAsync(officer);
        await ScreenshotAsync(officer, "registry-records");

        // In French: the same figures under French words.
        await officer.GetByRole(AriaRole.Button, new() { Name = "Français" }).ClickAsync();
        await InteractiveAsync(officer);
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Rapidité des consultations par État" })).ToBeVisibleAsync();
        await Expect(officer.Locator("#timeliness-table tr[data-category='UGA'] td[data-figure='openedByState']"))
            .ToHaveTextAsync(opened.ToString(CultureInfo.InvariantCulture));
        await Expect(officer.Locator("#timeliness-summary")).ToContainTextAsync("Les États ont ouvert");
        await AssertAccessibleAsync(officer);

        // The Assembly's focal point reads the records (its view, no sealed item); a State's clerk finds no such page.
        var focalPoint = await browser.NewPageAsync();
        await SignInAsync(focalPoint, platform, "assembly-focal-point");
        await focalPoint.GetByRole(AriaRole.Link, new() { Name = "Cooperation records" }).ClickAsync();
        await Expect(focalPoint.Locator("#timeliness-table tr[data-category='UGA']")).ToBeVisibleAsync();
        await AssertAccessibleAsync(focalPoint);
        var clerk = await browser.NewPageAsync();
        await SignInAsync(clerk, platform, "zaf-clerk");
        var response = await clerk.GotoAsync(new Uri(platform.ConsoleUrl, "records").ToString());
        Assert.Equal(404, response!.Status);
        foreach (var page in new[] { officer, focalPoint, clerk }) await page.Context.CloseAsync();
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int Sum(JsonObject record, string part, string figure) =>
        record["states"]!.AsArray().Sum(s => (int)s![part]![figure]!);

    private static async Task<double> HeightAsync(ILocator bar) =>
        double.Parse((await bar.GetAttributeAsync("height"))!, CultureInfo.InvariantCulture);
}
