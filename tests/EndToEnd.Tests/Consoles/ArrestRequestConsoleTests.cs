using System.Text.RegularExpressions;
using Cooperation.EndToEnd.Tests.Platform;
using Microsoft.Playwright;
using static Cooperation.EndToEnd.Tests.Consoles.ConsoleBrowser;
using static Microsoft.Playwright.Assertions;

namespace Cooperation.EndToEnd.Tests.Consoles;

/// <summary>
/// The consoles' main path in a real browser on the real platform, every call through the gateway with the
/// signed-in person's token: the Registry drafts an arrest request (the 422's missing elements shown field
/// by field), transmits it; Uganda's clerk sees it arrive live, acknowledges, opens a consultation in two
/// clicks; the Registry answers; South Africa's clerk never sees it, by clicking or by address.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ArrestRequestConsoleTests(PlatformFixture platform, ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    [Fact]
    public async Task Registry_transmits_an_arrest_request_the_state_sees_it_live_consults_and_another_state_never_sees_it()
    {
        // Uganda's clerk watches the inbox before anything is sent.
        var clerk = await browser.NewPageAsync();
        await SignInAsync(clerk, platform, "uga-clerk");
        await Expect(clerk).ToHaveURLAsync(new Regex("/console/inbox$"));
        await Expect(clerk.GetByRole(AriaRole.Heading, new() { Name = "Inbox" })).ToBeVisibleAsync();
        await clerk.EvaluateAsync("() => window.sameDocument = true"); // gone if the page were reloaded

        var officer = await browser.NewPageAsync();
        await SignInAsync(officer, platform, "registry-officer");
        await Expect(officer).ToHaveURLAsync(new Regex("/console/requests$"));
        await AssertAccessibleAsync(officer);
        await officer.GetByRole(AriaRole.Link, new() { Name = "Draft an arrest request" }).First.ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Draft an arrest request" })).ToBeVisibleAsync();

        // Incomplete: the API's 422 names each missing element, shown next to its field; nothing typed is lost.
        await officer.GetByLabel("Requested State (ISO code, e.g. UGA)").FillAsync("UGA");
        await officer.GetByLabel("Name").FillAsync("Fictitious Person K");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Transmit to the State" }).ClickAsync();
        await Expect(officer.Locator("#draft-summary")).ToContainTextAsync("not complete");
        var description = officer.Locator("#field-contents-person-description");
        await Expect(description).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(officer.Locator("#error-contents-person-description")).ToBeVisibleAsync();
        await Expect(officer.Locator("#error-contents-probableLocation")).ToBeVisibleAsync();
        await Expect(officer.Locator("#error-contents-warrant")).ToBeVisibleAsync();
        await Expect(officer.Locator("#error-contents-person-name")).ToHaveCountAsync(0);
        await Expect(officer.GetByLabel("Name")).ToHaveValueAsync("Fictitious Person K");
        await AssertAccessibleAsync(officer);
        await ScreenshotAsync(officer, "registry-draft-incomplete");

        await description.FillAsync("Tall, scar on the left hand");
        await officer.GetByLabel("Probable location").FillAsync("Capital district");
        await officer.GetByLabel("Facts").FillAsync("Crimes against humanity (Art 7), 2024.");
        var warrant = officer.GetByRole(AriaRole.Group, new() { Name = "Warrant of arrest" });
        await warrant.GetByLabel("Reference").FillAsync("ICC-01/99-01/26-7");
        await warrant.GetByLabel("Title").FillAsync("Warrant of arrest");
        await warrant.GetByLabel("SHA-256 of the document").FillAsync(new string('a', 64));
        var supporting = officer.GetByRole(AriaRole.Group, new() { Name = "Supporting document" });
        await supporting.GetByLabel("Reference").FillAsync("ICC-01/99-01/26-8");
        await supporting.GetByLabel("Title").FillAsync("Summary of facts");
        await supporting.GetByLabel("SHA-256 of the document").FillAsync(new string('b', 64));
        await officer.GetByRole(AriaRole.Button, new() { Name = "Transmit to the State" }).ClickAsync();

        await Expect(officer).ToHaveURLAsync(new Regex("/console/requests/[0-9a-f-]{36}$"));
        var id = officer.Url[^36..];
        var title = officer.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(title).ToHaveTextAsync(new Regex(@"REG-\d{4}-\d{6}"));
        var reference = Regex.Match((await title.TextContentAsync())!, @"REG-\d{4}-\d{6}").Value;
        // Sealed or not, the contents never reach the address or the title.
        Assert.DoesNotContain("Fictitious", officer.Url);
        Assert.DoesNotContain("Fictitious", await officer.TitleAsync());
        await Expect(officer.Locator("#request-status")).ToHaveTextAsync(new Regex("Transmitted|Delivered"));

        // Uganda's inbox shows it without a reload (the circuit re-reads the API on the server).
        var arrived = clerk.GetByRole(AriaRole.Link, new() { Name = reference });
        await Expect(arrived).ToBeVisibleAsync();
        Assert.True(await clerk.EvaluateAsync<bool>("() => window.sameDocument === true"), "the inbox was reloaded");
        await AssertAccessibleAsync(clerk);
        await ScreenshotAsync(clerk, "state-inbox");

        await arrived.ClickAsync();
        await Expect(clerk).ToHaveURLAsync(new Regex($"/console/inbox/{id}$"));
        await Expect(clerk.GetByText("Fictitious Person K")).ToBeVisibleAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Acknowledge receipt" }).ClickAsync();
        await Expect(clerk.Locator("#request-status")).ToHaveTextAsync("Acknowledged");
        // The Registry's page follows live: acknowledged, by the clerk.
        await Expect(officer.Locator("#request-status")).ToHaveTextAsync("Acknowledged");
        await Expect(officer.Locator("#request-acknowledged")).ToContainTextAsync("uga-clerk");

        // Two clicks: the ground (its obstacle written out), then open.
        await clerk.GetByRole(AriaRole.Button, new() { Name = "PersonNotLocated (97(b))" }).ClickAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Open the consultation" }).ClickAsync();
        await Expect(clerk.Locator("#request-status")).ToHaveTextAsync("InConsultation");
        await Expect(clerk.Locator(".consultation")).ToContainTextAsync("cannot be located");
        await AssertAccessibleAsync(clerk);
        await ScreenshotAsync(clerk, "state-request-consultation");

        // The Registry sees the consultation arrive on its page and answers; the answer reaches the State live.
        var answer = officer.GetByLabel("Your answer");
        await Expect(answer).ToBeVisibleAsync();
        await answer.FillAsync("A new probable location follows in a modified request.");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Send the answer" }).ClickAsync();
        await Expect(officer.Locator(".thread")).ToContainTextAsync("A new probable location follows");
        await AssertAccessibleAsync(officer);
        await ScreenshotAsync(officer, "registry-request-consultation");
        await Expect(clerk.Locator(".thread")).ToContainTextAsync("Sent by Registry");

        // South Africa's clerk: not in the inbox, and the address answers 404 like any unknown page.
        var other = await browser.NewPageAsync();
        await SignInAsync(other, platform, "zaf-clerk");
        await Expect(other.GetByRole(AriaRole.Heading, new() { Name = "Inbox" })).ToBeVisibleAsync();
        await Expect(other.GetByRole(AriaRole.Link, new() { Name = reference })).ToHaveCountAsync(0);
        foreach (var path in new[] { $"inbox/{id}", $"requests/{id}" })
        {
            var response = await other.GotoAsync(new Uri(platform.ConsoleUrl, path).ToString());
            Assert.Equal(404, response!.Status);
            await Expect(other.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
            await Expect(other.GetByText("Fictitious Person K")).ToHaveCountAsync(0);
        }
        await AssertAccessibleAsync(other);
        await ScreenshotAsync(other, "other-state-not-found");

        // Sign-out ends both sessions: the console's and the gateway's (the next visit asks for the password).
        await officer.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "You are signed out" })).ToBeVisibleAsync();
        await officer.GotoAsync(new Uri(platform.ConsoleUrl, "requests").ToString());
        await Expect(officer.GetByLabel("Password")).ToBeVisibleAsync();

        foreach (var page in new[] { clerk, officer, other }) await page.Context.CloseAsync();
    }
}
