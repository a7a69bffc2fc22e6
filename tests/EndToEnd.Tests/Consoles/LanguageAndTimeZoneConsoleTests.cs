using System.Globalization;
using System.Text.RegularExpressions;
using Cooperation.EndToEnd.Tests.Consultations;
using Cooperation.EndToEnd.Tests.Platform;
using Cooperation.EndToEnd.Tests.Requests;
using Microsoft.Playwright;
using static Cooperation.EndToEnd.Tests.Consoles.ConsoleBrowser;
using static Microsoft.Playwright.Assertions;

namespace Cooperation.EndToEnd.Tests.Consoles;

/// <summary>
/// The Court's two working languages (Art 50(2)) with a switch, and dates in the person's own time zone
/// (stored in UTC); a wrong password gets one plain answer that does not say which part was wrong.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class LanguageAndTimeZoneConsoleTests(PlatformFixture platform, ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    [Fact]
    public async Task A_clerk_switches_to_french_and_reads_the_delivery_time_in_kampala_time()
    {
        using var registry = platform.CreatePartnerClient("registry");
        var id = await ConsultationSamples.DeliveredRequestAsync(registry, "/registry", Samples.ArrestAndSurrender("UGA"), "UGA");
        using var uganda = platform.CreatePartnerClient("state:UGA");
        var atState = await uganda.WaitForAsync($"/states/UGA/requests/{id}", _ => true, ConsultationSamples.Soon);
        var deliveredAt = DateTimeOffset.Parse((string)atState["evidence"]!["deliveredAt"]!, CultureInfo.InvariantCulture);

        var page = await browser.NewPageAsync();
        await page.GotoAsync(platform.ConsoleUrl.ToString());
        await page.GetByLabel("User name").FillAsync("uga-clerk");
        await page.GetByLabel("Password").FillAsync("not-the-password");
        var refused = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(401, refused.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Unknown user name or wrong password.");
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "sign-in-refused");

        await page.GetByLabel("User name").FillAsync("uga-clerk");
        await page.GetByLabel("Password").FillAsync(platform.PasswordOf("uga-clerk"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await InteractiveAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inbox" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Français" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Boîte de réception" })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await InteractiveAsync(page);

        await page.GotoAsync(new Uri(platform.ConsoleUrl, $"inbox/{id}").ToString());
        await InteractiveAsync(page);
        var kampala = TimeZoneInfo.ConvertTime(deliveredAt, TimeZoneInfo.FindSystemTimeZoneById("Africa/Kampala"));
        // French short date and time (the console formats with ICU's "fr" culture; this process is culture-invariant).
        var shown = kampala.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) + " (Africa/Kampala, UTC+03:00)";
        await Expect(page.GetByRole(AriaRole.Definition).Filter(new() { HasText = "Africa/Kampala" }).First).ToHaveTextAsync(shown);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Accuser réception" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "state-request-french");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge receipt" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
