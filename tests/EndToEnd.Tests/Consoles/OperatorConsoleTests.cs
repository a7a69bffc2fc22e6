using Cooperation.EndToEnd.Tests.Platform;
using Microsoft.Playwright;
using static Cooperation.EndToEnd.Tests.Consoles.ConsoleBrowser;
using static Microsoft.Playwright.Assertions;

namespace Cooperation.EndToEnd.Tests.Consoles;

/// <summary>
/// The operator's desk: the health of every service as the gateway probes it, each service's failed
/// messages and its audit chain, read through the gateway's operator routes with the operator's token.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class OperatorConsoleTests(PlatformFixture platform, ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    [Fact]
    public async Task The_operator_sees_every_service_healthy_with_its_audit_chain_intact()
    {
        var page = await browser.NewPageAsync();
        await SignInAsync(page, platform, "operator");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/console/operations$"));
        await Expect(page.Locator("#platform-health")).ToContainTextAsync("Healthy");
        foreach (var service in new[] { "registry", "prosecutor", "assembly", "state-UGA", "state-ZAF" })
        {
            var row = page.Locator($"tr[data-service='{service}']");
            await Expect(row).ToContainTextAsync("Healthy");
            await Expect(row).ToContainTextAsync("intact");
        }
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "operator");

        // The operator's token opens no desk's requests: the Registry's page is "not found".
        var response = await page.GotoAsync(new Uri(platform.ConsoleUrl, "requests").ToString());
        Assert.Equal(404, response!.Status);
        await page.Context.CloseAsync();
    }
}
