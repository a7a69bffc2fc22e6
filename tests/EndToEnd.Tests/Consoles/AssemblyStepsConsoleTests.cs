using System.Text.RegularExpressions;
using Cooperation.EndToEnd.Tests.Platform;
using Microsoft.Playwright;
using static Cooperation.EndToEnd.Tests.Assembly.AssemblyDesk;
using static Cooperation.EndToEnd.Tests.Consoles.ConsoleBrowser;
using static Microsoft.Playwright.Assertions;

namespace Cooperation.EndToEnd.Tests.Consoles;

/// <summary>
/// The Assembly's steps on a case page, in a real browser on the real platform (ICC-ASP/10/Res.5 annex, as amended):
/// a regional focal point logs a meeting with its date and outcome on the case the Presidency assigned to them (the
/// 422 next to the outcome first, what was typed kept), and is told in plain words that they may not act on a case
/// not assigned to them (the API's 403; nothing recorded). The Presidency's person records the formal response (the
/// emergency Bureau meeting, the 422 naming the document's missing parts first; then the President's letter with the
/// date the State's views are due), and each step reaches the Assembly's API.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AssemblyStepsConsoleTests(PlatformFixture platform, ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    /// <summary>How the Assembly knows a person signed in to the consoles as a focal point: "person:" and the user name.</summary>
    private const string FocalPointPerson = "person:assembly-focal-point";

    [Fact]
    public async Task A_focal_point_logs_an_informal_step_on_its_case_only_and_the_presidency_records_the_formal_response()
    {
        var (requestId, reference) = await DeliveredRequestAsync(platform, "UGA", $"Console Person {Guid.NewGuid():N}");
        var assigned = Guid.NewGuid();
        var notAssigned = Guid.NewGuid();
        await NotifyAsync(assigned, "UGA", requestId, reference, "MatterStep", ReferredMatter(Today.AddDays(-30)));
        await NotifyAsync(notAssigned, "UGA", requestId, reference, "MatterStep", ReferredMatter(Today.AddDays(-20)));
        using var presidency = platform.CreateClientFor("assembly-secretariat");
        await presidency.WaitForAsync($"/assembly/cases/{assigned}", c => (bool)c["referredToAssembly"]!, Soon);
        await presidency.WaitForAsync($"/assembly/cases/{notAssigned}", c => (bool)c["referredToAssembly"]!, Soon);
        await PostCreatedAsync(presidency, $"/assembly/cases/{assigned}/assignments",
            new { focalPoint = FocalPointPerson, region = "AfricanStates", on = Today.ToString("yyyy-MM-dd") });

        var focal = await browser.NewPageAsync();
        await SignInAsync(focal, platform, "assembly-focal-point");
        await focal.GotoAsync(new Uri(platform.ConsoleUrl, $"cases/{assigned}").ToString());
        await InteractiveAsync(focal);
        await Expect(focal.Locator("#assignments")).ToContainTextAsync(FocalPointPerson);
        await Expect(focal.GetByRole(AriaRole.Heading, new() { Name = "Record the next formal step" })).ToHaveCountAsync(0);

        await focal.Locator("#informal-kind").SelectOptionAsync("Meeting");
        await focal.GetByLabel("Date", new() { Exact = true }).FillAsync(Today.ToString("yyyy-MM-dd"));
        await focal.GetByLabel("With whom (optional)").FillAsync("Ambassador of Uganda in The Hague");
        await focal.GetByRole(AriaRole.Button, new() { Name = "Log the step" }).ClickAsync();
        await Expect(focal.Locator("#error-informal-outcome")).ToContainTextAsync("Required");
        await Expect(focal.Locator("#field-informal-outcome")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(focal.GetByLabel("With whom (optional)")).ToHaveValueAsync("Ambassador of Uganda in The Hague");
        await focal.GetByLabel("Outcome").FillAsync("The ambassador undertook to convey the Court's request to the capital.");
        await focal.GetByRole(AriaRole.Button, new() { Name = "Log the step" }).ClickAsync();
        await Expect(focal.Locator("#informal-actions")).ToContainTextAsync("undertook to convey");
        await Expect(focal.Locator("#informal-actions")).ToContainTextAsync(FocalPointPerson);
        await Expect(focal.Locator("#error-informal-outcome")).ToHaveCountAsync(0);
        var logged = await presidency.WaitForAsync($"/assembly/cases/{assigned}", c => c["informalActions"]!.AsArray().Count == 1, Soon);
        var action = logged["informalActions"]![0]!;
        Assert.Equal(("Meeting", FocalPointPerson, Today.ToString("yyyy-MM-dd")), ((string)action["kind"]!, (string)action["by"]!, (string)action["on"]!));
        await AssertAccessibleAsync(focal);
        await ScreenshotAsync(focal, "assembly-case-informal");

        // Not this focal point's case: the API's 403, said plainly; nothing is recorded, what was typed stays.
        await focal.GotoAsync(new Uri(platform.ConsoleUrl, $"cases/{notAssigned}").ToString());
        await InteractiveAsync(focal);
        await focal.GetByLabel("Date", new() { Exact = true }).FillAsync(Today.ToString("yyyy-MM-dd"));
        await focal.GetByLabel("Outcome").FillAsync("Démarche to the Foreign Ministry.");
        await focal.GetByRole(AriaRole.Button, new() { Name = "Log the step" }).ClickAsync();
        await Expect(focal.Locator("#informal-problem")).ToContainTextAsync("may not take this step on this case");
        await Expect(focal.Locator("#informal-problem")).ToContainTextAsync("Nothing was recorded");
        await Expect(focal.GetByLabel("Outcome")).ToHaveValueAsync("Démarche to the Foreign Ministry.");
        await AssertAccessibleAsync(focal);
        var untouched = await presidency.WaitForAsync($"/assembly/cases/{notAssigned}", _ => true, Soon);
        Assert.Empty(untouched["informalActions"]!.AsArray());

        // The Presidency records the formal response from its own desk.
        var president = await browser.NewPageAsync();
        await SignInAsync(president, platform, "assembly-presidency");
        await president.GotoAsync(new Uri(platform.ConsoleUrl, $"cases/{assigned}").ToString());
        await InteractiveAsync(president);
        await Expect(president.Locator("#formal-next")).ToHaveTextAsync("EmergencyBureauMeeting");
        var formal = president.GetByRole(AriaRole.Form, new() { NameRegex = new Regex("next step of the formal response") });
        await formal.GetByLabel("Date", new() { Exact = true }).FillAsync(Today.ToString("yyyy-MM-dd"));
        await formal.GetByLabel("Document reference").FillAsync("ICC-ASP/24/Bureau/7");
        await formal.GetByRole(AriaRole.Button, new() { Name = "Record the step" }).ClickAsync();
        await Expect(president.Locator("#error-formal-document-title")).ToContainTextAsync("Required");
        await Expect(president.Locator("#error-formal-document-date")).ToContainTextAsync("Required");
        await Expect(president.Locator("#error-formal-document-reference")).ToHaveCountAsync(0);
        await Expect(formal.GetByLabel("Document reference")).ToHaveValueAsync("ICC-ASP/24/Bureau/7");
        await AssertAccessibleAsync(president);
        await formal.GetByLabel("Document title").FillAsync("Emergency meeting of the Bureau");
        await formal.GetByLabel("Document date").FillAsync(Today.ToString("yyyy-MM-dd"));
        await formal.GetByRole(AriaRole.Button, new() { Name = "Record the step" }).ClickAsync();
        await Expect(president.Locator("tr[data-step='EmergencyBureauMeeting']")).ToContainTextAsync("ICC-ASP/24/Bureau/7");
        await Expect(president.Locator("#formal-next")).ToHaveTextAsync("PresidentsLetter");

        var viewsDue = Today.AddDays(14).ToString("yyyy-MM-dd");
        await formal.GetByLabel("Date", new() { Exact = true }).FillAsync(Today.ToString("yyyy-MM-dd"));
        await formal.GetByLabel("Document reference").FillAsync("ICC-ASP/24/PRES/3");
        await formal.GetByLabel("Document title").FillAsync("Open letter of the President");
        await formal.GetByLabel("Document date").FillAsync(Today.ToString("yyyy-MM-dd"));
        await formal.GetByLabel("The State's views due by").FillAsync(viewsDue);
        await formal.GetByRole(AriaRole.Button, new() { Name = "Record the step" }).ClickAsync();
        await Expect(president.Locator("tr[data-step='PresidentsLetter']")).ToContainTextAsync(viewsDue);
        await Expect(president.Locator("#case-next-step")).ToHaveTextAsync("BureauMeetingWithState");
        var recorded = await presidency.WaitForAsync($"/assembly/cases/{assigned}", c => c["formalSteps"]!.AsArray().Count == 2, Soon);
        Assert.Equal(new[] { "EmergencyBureauMeeting", "PresidentsLetter" }, Steps(recorded));
        Assert.Equal(viewsDue, (string)recorded["formalSteps"]![1]!["viewsDueBy"]!);
        await AssertAccessibleAsync(president);
        await ScreenshotAsync(president, "assembly-case-formal");
        foreach (var page in new[] { focal, president }) await page.Context.CloseAsync();
    }
}
