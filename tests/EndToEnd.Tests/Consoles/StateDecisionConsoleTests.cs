using System.Text.RegularExpressions;
using Cooperation.EndToEnd.Tests.Consultations;
using Cooperation.EndToEnd.Tests.Platform;
using Microsoft.Playwright;
using static Cooperation.EndToEnd.Tests.Consoles.ConsoleBrowser;
using static Microsoft.Playwright.Assertions;

namespace Cooperation.EndToEnd.Tests.Consoles;

/// <summary>
/// The central authority's steps in a real browser on the real platform: on a request for records (Art 93(1)(i)) the
/// forms offer only the grounds the law allows for it (Art 94, 95, 93(9)(a) to postpone; Art 93(4)/72 and 73 to deny;
/// never Art 89(2), 93(5), 89(3)(a)); the clerk starts execution, postpones on Art 95 and resumes, reports progress,
/// denies in part on national security (the 422 naming the Art 93(4) and 72(5) statements next to them, the reasons
/// typed kept), and reports the request executed, which the Registry sees.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class StateDecisionConsoleTests(PlatformFixture platform, ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    [Fact]
    public async Task A_clerk_postpones_denies_in_part_on_the_grounds_the_law_allows_and_reports_the_request_executed()
    {
        using var registry = platform.CreatePartnerClient("registry");
        var id = await ConsultationSamples.DeliveredRequestAsync(registry, "/registry", ConsultationSamples.OtherAssistance("UGA"), "UGA");

        var clerk = await browser.NewPageAsync();
        await SignInAsync(clerk, platform, "uga-clerk");
        await clerk.GotoAsync(new Uri(platform.ConsoleUrl, $"inbox/{id}").ToString());
        await InteractiveAsync(clerk);
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Acknowledge receipt" }).ClickAsync();
        await Expect(clerk.Locator("#request-status")).ToHaveTextAsync("Acknowledged");

        // Only the grounds the law allows for assistance under 93(1)(i).
        await Expect(clerk.Locator("#postpone-ground option")).ToHaveTextAsync(
            [new Regex("Choose"), new Regex(@"\(Art 94\)"), new Regex(@"\(Art 95\)"), new Regex(@"\(Art 93\(9\)\(a\)\)")]);
        await Expect(clerk.Locator("#deny-ground option")).ToHaveTextAsync(
            [new Regex("Choose"), new Regex(@"\(Art 93\(4\), 72\)"), new Regex(@"\(Art 73\)")]);

        await clerk.GetByRole(AriaRole.Button, new() { Name = "Start execution" }).ClickAsync();
        await Expect(clerk.Locator("#request-status")).ToHaveTextAsync("InExecution");

        // Art 94 needs the period proposed to the Court: the 422 says so next to the date; the ground stays chosen.
        await clerk.Locator("#postpone-ground").SelectOptionAsync("NationalProceedings");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Postpone", Exact = true }).ClickAsync();
        await Expect(clerk.Locator("#error-postpone-until")).ToContainTextAsync("Art 94(1)");
        await Expect(clerk.Locator("#postpone-until")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(clerk.Locator("#postpone-ground")).ToHaveValueAsync("NationalProceedings");
        await clerk.Locator("#postpone-ground").SelectOptionAsync("AdmissibilityChallenge");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Postpone", Exact = true }).ClickAsync();
        await Expect(clerk.Locator("#request-status")).ToHaveTextAsync("Postponed");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Resume execution" }).ClickAsync();
        await Expect(clerk.Locator("#request-status")).ToHaveTextAsync("InExecution");

        await clerk.GetByLabel("Progress to report").FillAsync("Bank B produced the statements for 2023.");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Report progress" }).ClickAsync();
        await Expect(clerk.Locator("table.history")).ToContainTextAsync("progress-reported");
        await Expect(clerk.GetByLabel("Progress to report")).ToHaveValueAsync("");

        // A national-security denial without the Art 93(4) and 72(5) statements: each named next to its box, nothing lost.
        await clerk.Locator("#deny-ground").SelectOptionAsync("NationalSecurity");
        await clerk.GetByLabel("Reasons", new() { Exact = true }).FillAsync("The 2024 records name intelligence sources.");
        await clerk.GetByLabel(new Regex("^Deny in part only")).CheckAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Deny", Exact = true }).ClickAsync();
        await Expect(clerk.Locator("#deny-problem")).ToContainTextAsync("Nothing was recorded");
        await Expect(clerk.Locator("#error-deny-concernsDocumentsOrEvidence")).ToContainTextAsync("Art 93(4)");
        await Expect(clerk.Locator("#error-deny-art72StepsTaken")).ToContainTextAsync("Art 72(5)");
        await Expect(clerk.Locator("#error-deny-reasons")).ToHaveCountAsync(0);
        await Expect(clerk.GetByLabel("Reasons", new() { Exact = true })).ToHaveValueAsync("The 2024 records name intelligence sources.");
        await Expect(clerk.Locator("#request-status")).ToHaveTextAsync("InExecution");
        await AssertAccessibleAsync(clerk);
        await ScreenshotAsync(clerk, "state-deny-refused");

        await clerk.GetByLabel(new Regex("^The request concerns producing documents")).CheckAsync();
        await clerk.GetByLabel(new Regex("^We took all reasonable steps")).CheckAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Deny", Exact = true }).ClickAsync();
        await Expect(clerk.Locator("table.history")).ToContainTextAsync("request-partly-denied");
        await Expect(clerk.Locator("#request-status")).ToHaveTextAsync("InExecution");

        await clerk.GetByLabel("Note on the result").FillAsync("Statements for 2023 produced; 2024 withheld (Art 93(4)).");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Report the request executed" }).ClickAsync();
        await Expect(clerk.Locator("#request-status")).ToHaveTextAsync("Executed");
        await Expect(clerk.GetByRole(AriaRole.Button, new() { Name = "Deny", Exact = true })).ToHaveCountAsync(0);
        await registry.WaitForAsync($"/registry/requests/{id}", r => (string)r["status"]! == "Executed", ConsultationSamples.Soon);
        await AssertAccessibleAsync(clerk);
        await clerk.Context.CloseAsync();
    }
}
