using System.Text.RegularExpressions;
using Cooperation.EndToEnd.Tests.Consultations;
using Cooperation.EndToEnd.Tests.Platform;
using Microsoft.Playwright;
using static Cooperation.EndToEnd.Tests.Consoles.ConsoleBrowser;
using static Microsoft.Playwright.Assertions;

namespace Cooperation.EndToEnd.Tests.Consoles;

/// <summary>
/// The issuing organ's steps in a real browser on the real platform: on an urgent arrest request (Art 91(1)) Uganda
/// consulted on (Art 97), the Registry records the confirmation, sends a modified version (the completeness check's 422
/// next to the emptied name first, the new location typed kept), and Uganda's clerk sees version 2, the consultation
/// closed as Modified and which element changed; then the Registry withdraws it (asked twice) and Uganda sees it live.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ModifyAndWithdrawConsoleTests(PlatformFixture platform, ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    [Fact]
    public async Task The_registry_confirms_modifies_and_withdraws_and_the_state_sees_version_2_and_what_changed()
    {
        using var registry = platform.CreatePartnerClient("registry");
        var draft = new
        {
            kind = "ArrestAndSurrender", stateCode = "UGA", classification = "Confidential", language = "en", urgent = true,
            contents = new
            {
                person = new { name = "Fictitious Person M", description = "Tall, scar on the left hand" },
                probableLocation = "Capital district",
                warrant = new { reference = "ICC-01/99-01/26-40", title = "Warrant of arrest", sha256 = new string('a', 64) },
                supportingDocuments = new[] { new { reference = "ICC-01/99-01/26-41", title = "Summary of facts", sha256 = new string('b', 64) } },
                facts = "Crimes against humanity (Art 7), 2024.",
            },
        };
        var id = await ConsultationSamples.DeliveredRequestAsync(registry, "/registry", draft, "UGA");
        using var uganda = platform.CreatePartnerClient("state:UGA");
        await ConsultationSamples.OpenAtStateAsync(uganda, "UGA", id, ConsultationSamples.OpenBody());

        var officer = await browser.NewPageAsync();
        await SignInAsync(officer, platform, "registry-officer");
        await officer.GotoAsync(new Uri(platform.ConsoleUrl, $"requests/{id}").ToString());
        await InteractiveAsync(officer);
        await Expect(officer.Locator("#request-status")).ToHaveTextAsync("InConsultation");

        await officer.GetByRole(AriaRole.Button, new() { Name = "Record the confirmation" }).ClickAsync();
        await Expect(officer.Locator("table.history")).ToContainTextAsync("confirmation-recorded");
        await Expect(officer.GetByRole(AriaRole.Button, new() { Name = "Record the confirmation" })).ToHaveCountAsync(0);

        // The name emptied: the completeness check refuses the new version, next to the name; the new location stays typed.
        var modify = officer.GetByRole(AriaRole.Form, new() { Name = "Modify the request (a new version)" });
        await modify.GetByLabel("Name").FillAsync("");
        await modify.GetByLabel("Probable location").FillAsync("Northern district, near the border post");
        await modify.GetByLabel("Note to the State (why it changed)").FillAsync("A new probable location, as the consultation asked.");
        await modify.GetByRole(AriaRole.Button, new() { Name = "Send the new version" }).ClickAsync();
        await Expect(officer.Locator("#error-contents-person-name")).ToBeVisibleAsync();
        await Expect(modify.GetByLabel("Name")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(modify.GetByLabel("Probable location")).ToHaveValueAsync("Northern district, near the border post");
        await AssertAccessibleAsync(officer);

        await modify.GetByLabel("Name").FillAsync("Fictitious Person M");
        await modify.GetByRole(AriaRole.Button, new() { Name = "Send the new version" }).ClickAsync();
        await Expect(officer.Locator("#modify-result")).ToContainTextAsync("Version 2 sent to the State; changed: contents.probableLocation");
        await Expect(officer.Locator(".outcome")).ToContainTextAsync("Modified");
        await ScreenshotAsync(officer, "registry-request-modified");

        // Uganda's clerk: version 2, what changed (names of elements), the new contents, the consultation closed as Modified.
        var clerk = await browser.NewPageAsync();
        await SignInAsync(clerk, platform, "uga-clerk");
        await clerk.GotoAsync(new Uri(platform.ConsoleUrl, $"inbox/{id}").ToString());
        await InteractiveAsync(clerk);
        await Expect(clerk.Locator("#request-new-version")).ToContainTextAsync("version 2");
        await Expect(clerk.Locator("#request-new-version")).ToContainTextAsync("Changed: contents.probableLocation");
        await Expect(clerk.GetByText("Northern district, near the border post")).ToBeVisibleAsync();
        await Expect(clerk.Locator(".outcome")).ToContainTextAsync("new version 2");
        await Expect(clerk.Locator(".outcome")).ToContainTextAsync("A new probable location, as the consultation asked.");
        await AssertAccessibleAsync(clerk);
        await ScreenshotAsync(clerk, "state-request-version-2");
        await clerk.EvaluateAsync("() => window.sameDocument = true");

        // Withdrawal is asked twice; the State's page follows without a reload.
        await officer.GetByRole(AriaRole.Button, new() { Name = "Withdraw the request" }).ClickAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Yes, withdraw it" }).ClickAsync();
        await Expect(officer.Locator("#request-status")).ToHaveTextAsync("Withdrawn");
        await Expect(officer.GetByRole(AriaRole.Button, new() { Name = "Withdraw the request" })).ToHaveCountAsync(0);
        await Expect(clerk.Locator("#request-status")).ToHaveTextAsync("Withdrawn");
        Assert.True(await clerk.EvaluateAsync<bool>("() => window.sameDocument === true"), "the State's page was reloaded");
        Assert.DoesNotContain("Fictitious", await clerk.TitleAsync());
        Assert.Matches(new Regex($"/console/inbox/{id}$"), clerk.Url);
        foreach (var page in new[] { officer, clerk }) await page.Context.CloseAsync();
    }
}
