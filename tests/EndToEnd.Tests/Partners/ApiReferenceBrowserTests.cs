using Cooperation.EndToEnd.Tests.Platform;
using Microsoft.Playwright;

namespace Cooperation.EndToEnd.Tests.Partners;

/// <summary>
/// The gateway's /docs is an interactive reference a developer uses in a browser (issue 14): it renders the
/// organs' documents, the developer obtains a client-credentials token on the page, and a "Test Request" in
/// the reference reaches the real platform with it. One lean test in Debian's chromium (no browser download).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ApiReferenceBrowserTests(PlatformFixture platform)
{
    private static string Chromium => Environment.GetEnvironmentVariable("COOP_CHROMIUM") ?? "/usr/bin/chromium";

    [Fact]
    public async Task A_developer_obtains_a_token_on_the_docs_page_and_tries_a_call_against_the_platform()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing (apt-get install chromium, or set COOP_CHROMIUM)");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync();
        var blocked = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy")) blocked.Add(message.Text); };
        var calls = new List<(string Url, string? Authorization, int Status)>();
        page.Response += (_, response) =>
        {
            if (response.Url.Contains("/registry/requests"))
                lock (calls) calls.Add((response.Url, response.Request.Headers.GetValueOrDefault("authorization"), response.Status));
        };

        await page.GotoAsync(new Uri(platform.Gateway.BaseAddress, "/docs").ToString());
        // The Registry's document rendered by the reference, under the organ's name.
        await page.GetByText("Registry of the International Criminal Court").First.WaitForAsync(new() { Timeout = 60_000 });

        await page.FillAsync("#client-id", "registry-desk");
        await page.FillAsync("#client-secret", platform.SecretOf("registry-desk"));
        await page.ClickAsync("#get-token");
        await page.Locator("#token-status[data-ready=true]").WaitForAsync(new() { Timeout = 30_000 });
        Assert.Contains("scopes: registry", await page.TextContentAsync("#token-status"));

        // Try GET /registry/requests from the reference itself.
        await page.GetByText("Registry of the International Criminal Court").First.WaitForAsync(new() { Timeout = 60_000 });
        await page.GetByText("Cooperation.Registry").First.ClickAsync();
        await page.GetByText("Requests issued by this organ, newest first").First.ClickAsync();
        await page.Locator("[id='registry/tag/cooperationregistry/GET/registry/requests']").First
            .GetByRole(AriaRole.Button, new() { Name = "Test Request" }).ClickAsync();
        var answer = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Send") }).First.ClickAsync(),
            r => new Uri(r.Url).AbsolutePath == "/registry/requests", new() { Timeout = 30_000 });
        Assert.Equal(200, answer.Status);
        await page.GetByText("200 OK").First.WaitForAsync(new() { Timeout = 30_000 });

        lock (calls)
        {
            var call = Assert.Single(calls, c => new Uri(c.Url).AbsolutePath == "/registry/requests");
            Assert.Equal(200, call.Status);
            Assert.StartsWith("Bearer ", call.Authorization);
        }
        Assert.Empty(blocked);
    }
}
