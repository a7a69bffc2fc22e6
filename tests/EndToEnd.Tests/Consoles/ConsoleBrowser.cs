using Cooperation.EndToEnd.Tests.Platform;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Cooperation.EndToEnd.Tests.Consoles;

/// <summary>
/// One Debian Chromium (/usr/bin/chromium, launched by path: Playwright's own browser download cannot work
/// here; infra/test installs the package) for a test class; each person gets a context of their own
/// (own cookies), as on separate machines.
/// </summary>
public sealed class ConsoleBrowser : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>The first circuit can take seconds on a loaded 2-core machine; Expect's 5 s default is too short.</summary>
    public static readonly float Patience = 30_000;

    private IPlaywright _playwright = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: install Debian's chromium package (apt-get install -y chromium; infra/test does).");
        _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout(Patience);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true });
    }

    /// <summary>A fresh browser profile for one person, in the given language.</summary>
    public async Task<IPage> NewPageAsync(string locale = "en-GB")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(Patience);
        return await context.NewPageAsync();
    }

    /// <summary>Opens the consoles, signs in at the gateway's page with the person's generated password, waits for the live circuit.</summary>
    public static async Task SignInAsync(IPage page, PlatformFixture platform, string userName)
    {
        await page.GotoAsync(platform.ConsoleUrl.ToString());
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("User name|Nom d'utilisateur")).FillAsync(userName);
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^(Password|Mot de passe)$")).FillAsync(platform.PasswordOf(userName));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Or(page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" })).ClickAsync();
        await InteractiveAsync(page);
    }

    /// <summary>The readiness marker: the circuit is up, so clicks reach the server (before that controls are disabled).</summary>
    public static Task InteractiveAsync(IPage page) =>
        Assertions.Expect(page.Locator("#console[data-interactive='true']")).ToBeAttachedAsync();

    /// <summary>A screenshot of the page under TestResults/consoles (a test artefact).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var directory = Path.Combine(TestEnvironment.Current.RepoRoot, "TestResults", "consoles", TestEnvironment.Current.DatabaseProvider.ToLowerInvariant());
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
    }

    /// <summary>axe on the page as it stands: no serious or critical violation (WCAG 2.1 AA rules).</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        });
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, $"axe on {page.Url}:\n" + string.Join("\n", bad.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html))}")));
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
