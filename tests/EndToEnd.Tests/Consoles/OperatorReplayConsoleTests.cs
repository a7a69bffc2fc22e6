using System.Text.RegularExpressions;
using Cooperation.EndToEnd.Tests.Delivery;
using Cooperation.EndToEnd.Tests.Platform;
using Microsoft.Playwright;
using static Cooperation.EndToEnd.Tests.Consoles.ConsoleBrowser;
using static Microsoft.Playwright.Assertions;

namespace Cooperation.EndToEnd.Tests.Consoles;

/// <summary>
/// The operator's failed messages in a real browser: a message the Registry cannot handle (a delivery about a request
/// it never issued) appears in its _error queue with its fault; the operator inspects its headers (never its body) and
/// replays it through the service's operator API; still hopeless, it fails again and comes back, with a later fault time.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class OperatorReplayConsoleTests(PlatformFixture platform, ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    [Fact]
    public async Task The_operator_inspects_a_failed_message_replays_it_and_sees_it_fail_again()
    {
        var messageId = Guid.NewGuid();
        await ErrorQueueTests.PublishAsStateAsync(messageId, Guid.NewGuid());

        var page = await browser.NewPageAsync();
        await SignInAsync(page, platform, "operator");
        var row = page.Locator($"#failed-messages tr[data-message='{messageId}']");
        await Expect(row).ToContainTextAsync("registry.from-state-uga_error", new() { Timeout = 60_000 });
        await Expect(row).ToContainTextAsync("UnknownRequestException");
        await Expect(row).ToContainTextAsync("RequestDelivered");
        var firstFailure = await row.GetAttributeAsync("data-fault-at");
        Assert.False(string.IsNullOrEmpty(firstFailure));
        await AssertAccessibleAsync(page);

        await row.GetByRole(AriaRole.Button, new() { Name = "Inspect" }).ClickAsync();
        var inspected = page.Locator("#inspected");
        await Expect(inspected).ToContainTextAsync(messageId.ToString());
        await Expect(inspected).ToContainTextAsync("MT-Fault-Message");
        await Expect(inspected).ToContainTextAsync("No request");
        Assert.DoesNotContain("Fictitious", await page.ContentAsync());

        await row.GetByRole(AriaRole.Button, new() { Name = "Replay" }).ClickAsync();
        await Expect(page.Locator("#replay-status")).ToContainTextAsync($"Message {messageId} was sent back to its input queue at registry");
        // Through the consumer again, still about an unknown request: parked once more, seen without a reload.
        await Expect(row).ToHaveAttributeAsync("data-fault-at", new Regex($"^(?!{Regex.Escape(firstFailure!)}$).+"), new() { Timeout = 60_000 });
        await Expect(page.Locator($"#failed-messages tr[data-message='{messageId}']")).ToHaveCountAsync(1);
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "operator-failed-messages");
        await page.Context.CloseAsync();
    }
}
