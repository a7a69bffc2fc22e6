using System.Text.RegularExpressions;
using Cooperation.EndToEnd.Tests.NonCompliance;
using Cooperation.EndToEnd.Tests.Platform;
using Microsoft.Playwright;
using static Cooperation.EndToEnd.Tests.Consoles.ConsoleBrowser;
using static Microsoft.Playwright.Assertions;

namespace Cooperation.EndToEnd.Tests.Consoles;

/// <summary>
/// The Registry opens a non-compliance matter (Art 87(7)) from its desk, through the API partners use (POST /registry/matters):
/// the 422 names the missing request and the future date next to their fields, nothing typed lost; then the matter opens
/// at step Suspected, the API lists it, and a second matter on the same request is refused in plain words (409).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class OpenMatterConsoleTests(PlatformFixture platform, ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    [Fact]
    public async Task The_registry_opens_a_matter_from_the_console_with_the_apis_field_errors_first()
    {
        using var registry = platform.CreatePartnerClient("registry");
        var requestId = await MatterDesk.TransmittedAsync(registry, "UGA");

        var officer = await browser.NewPageAsync();
        await SignInAsync(officer, platform, "registry-officer");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Non-compliance matters" }).ClickAsync();
        await officer.GetByRole(AriaRole.Link, new() { Name = "Open a non-compliance matter" }).ClickAsync();
        await Expect(officer).ToHaveURLAsync(new Regex("/console/matters/new$"));
        await InteractiveAsync(officer);

        // No request chosen, a suspicion dated tomorrow: each refused field says why, next to it; the situation stays as typed.
        await officer.GetByLabel("Suspected on (today if left empty)").FillAsync(MatterDesk.Day(1));
        await officer.GetByLabel("Situation (e.g. ICC-01/99)").FillAsync("ICC-01/99");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Open the matter" }).ClickAsync();
        await Expect(officer.Locator("#open-matter-problem")).ToContainTextAsync("Nothing was recorded");
        await Expect(officer.Locator("#error-requestId")).ToContainTextAsync("required");
        await Expect(officer.Locator("#error-suspectedOn")).ToContainTextAsync("cannot be in the future");
        await Expect(officer.Locator("#field-suspectedOn")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(officer.Locator("#error-situation")).ToHaveCountAsync(0);
        await Expect(officer.GetByLabel("Situation (e.g. ICC-01/99)")).ToHaveValueAsync("ICC-01/99");
        await AssertAccessibleAsync(officer);
        await ScreenshotAsync(officer, "registry-open-matter-refused");

        await officer.GetByLabel("Request").SelectOptionAsync(requestId);
        await officer.GetByLabel("Suspected on (today if left empty)").FillAsync(MatterDesk.Day(-3));
        await officer.GetByRole(AriaRole.Button, new() { Name = "Open the matter" }).ClickAsync();
        await Expect(officer).ToHaveURLAsync(new Regex("/console/matters/[0-9a-f-]{36}$"));
        var matterId = officer.Url[^36..];
        await InteractiveAsync(officer);
        await Expect(officer.Locator("#matter-step")).ToHaveTextAsync("Suspected");
        await Expect(officer.Locator("tr[data-step='Suspected']")).ToContainTextAsync(MatterDesk.Day(-3));
        await AssertAccessibleAsync(officer);

        // The API has it as the console showed it: on that request, situation as typed.
        var matter = await registry.GetFromJsonObjectAsync($"/registry/matters/{matterId}");
        Assert.Equal((requestId, "ICC-01/99", "Suspected"), ((string)matter["requestId"]!, (string)matter["situation"]!, (string)matter["step"]!));

        // A second matter on the same request: the API's 409 in plain words, nothing opened.
        await officer.GotoAsync(new Uri(platform.ConsoleUrl, $"matters/new?request={requestId}").ToString());
        await InteractiveAsync(officer);
        await Expect(officer.GetByLabel("Request")).ToHaveValueAsync(requestId);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Open the matter" }).ClickAsync();
        await Expect(officer.Locator("#open-matter-problem")).ToContainTextAsync("already open on this request");
        await Expect(officer).ToHaveURLAsync(new Regex("/console/matters/new\\?request="));
        await AssertAccessibleAsync(officer);
        await officer.Context.CloseAsync();
    }
}
