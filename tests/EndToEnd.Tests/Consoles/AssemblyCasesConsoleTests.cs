using System.Text.RegularExpressions;
using Cooperation.EndToEnd.Tests.Platform;
using Microsoft.Playwright;
using static Cooperation.EndToEnd.Tests.Assembly.AssemblyDesk;
using static Cooperation.EndToEnd.Tests.Consoles.ConsoleBrowser;
using static Microsoft.Playwright.Assertions;

namespace Cooperation.EndToEnd.Tests.Consoles;

/// <summary>
/// The Assembly's desk (issue 10): a regional focal point on non-cooperation signs in and finds the cases the Registry
/// notified to the Assembly (Art 87(7)), opens one, reads the Chamber's steps, and sees the Presidency's formal
/// response (the emergency Bureau meeting, then the President's letter with the date the State's views are due) arrive
/// live. A request's contents never appear: the Assembly is told of the case, not of the warrant.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AssemblyCasesConsoleTests(PlatformFixture platform, ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    [Fact]
    public async Task A_focal_point_finds_a_referred_case_and_sees_the_formal_response_arrive_live()
    {
        var person = $"Console Person {Guid.NewGuid():N}";
        var (requestId, reference) = await DeliveredRequestAsync(platform, "UGA", person);
        var caseId = Guid.NewGuid();
        await NotifyAsync(caseId, "UGA", requestId, reference, "MatterStep", ReferredMatter(Today.AddDays(-30)));
        using var presidency = platform.CreateClientFor("assembly-secretariat");
        await presidency.WaitForAsync($"/assembly/cases/{caseId}", c => (bool)c["referredToAssembly"]!, Soon);

        var page = await browser.NewPageAsync();
        await SignInAsync(page, platform, "assembly-focal-point");
        await Expect(page).ToHaveURLAsync(new Regex("/console/cases$"));
        var row = page.Locator($"tr[data-case='{caseId}']");
        await Expect(row).ToContainTextAsync("UGA");
        await Expect(row).ToContainTextAsync("Yes");
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "assembly-cases");

        await row.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/console/cases/{caseId}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(reference);
        await Expect(page.Locator("#court-steps")).ToContainTextAsync("ICC-01/99-01/26-20");
        await Expect(page.Locator("#case-next-step")).ToHaveTextAsync("EmergencyBureauMeeting");
        await page.EvaluateAsync("() => window.sameDocument = true");

        // The Presidency records the formal response through the API; the focal point's page shows it without a reload.
        await PostCreatedAsync(presidency, $"/assembly/cases/{caseId}/formal-steps", Step("EmergencyBureauMeeting", Today.AddDays(-2)));
        await PostCreatedAsync(presidency, $"/assembly/cases/{caseId}/formal-steps", Step("PresidentsLetter", Today));
        await Expect(page.Locator("tr[data-step='PresidentsLetter']")).ToContainTextAsync(Today.AddDays(14).ToString("yyyy-MM-dd"));
        await Expect(page.Locator("#case-next-step")).ToHaveTextAsync("BureauMeetingWithState");
        await Expect(page.Locator("#case-views-due")).ToContainTextAsync("Pending");
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the case page was reloaded");
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "assembly-case");

        // Never the request's contents (Art 87(3)), in the page, its title or its address.
        Assert.DoesNotContain(person, await page.InnerTextAsync("body"));
        Assert.DoesNotContain(person, await page.TitleAsync());
        Assert.DoesNotContain(person, page.Url);

        // The Assembly's desk has no Registry pages: the requests list is "not found".
        var response = await page.GotoAsync(new Uri(platform.ConsoleUrl, "requests").ToString());
        Assert.Equal(404, response!.Status);
        await page.Context.CloseAsync();
    }
}
