using System.Net;
using System.Text.Json;
using Cooperation.EndToEnd.Tests.Consoles;
using Cooperation.EndToEnd.Tests.Platform;
using Cooperation.EndToEnd.Tests.Requests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cooperation.EndToEnd.Tests.Operations;

/// <summary>
/// Issue 17: the operators' metrics are "visible in the trace viewer's metrics page". The services export them
/// over OTLP (every 5 s in the fixture, OTEL_METRIC_EXPORT_INTERVAL); an operator opens the viewer's Metrics page
/// in a browser, finds the backlog and business instruments under the Registry, and the requests figure by State
/// and status, where a sealed request counts under "withheld" and its reference and person appear nowhere.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class TraceViewerMetricsPageTests(PlatformFixture platform, ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    /// <summary>What issue 17 lists: backlogs and ages, error queues, lag, requests, consultations, deadlines, alerts.</summary>
    private static readonly string[] OperatorInstruments =
    [
        "cooperation.outbox.pending", "cooperation.outbox.oldest_age", "cooperation.error_queue.depth", "cooperation.consume.lag",
        "cooperation.requests", "cooperation.consultations.open", "cooperation.deadlines.due_within_24h",
        "cooperation.deadlines.missed_total", "cooperation.alerts.unacknowledged",
    ];

    [Fact]
    public async Task The_registrys_backlogs_and_figures_are_on_the_trace_viewers_metrics_page_and_a_sealed_request_only_as_withheld()
    {
        using var registry = platform.CreatePartnerClient("registry");
        using var drafted = await registry.PostJsonAsync("/registry/requests",
            Samples.ArrestAndSurrender("ZAF", personName: "Sealed Metrics Page Person", classification: "UnderSeal"));
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var sealedRequest = await drafted.ReadObjectAsync();
        var draftedAt = DateTime.UtcNow;

        // The page lists what the viewer holds: wait until an export after the draft has reached it.
        await WaitForMetricsAsync("registry", draftedAt);

        var page = await browser.NewPageAsync();
        var dashboard = platform.Environment.DashboardUrl.TrimEnd('/');
        await page.GotoAsync($"{dashboard}/metrics/resource/registry");
        foreach (var instrument in OperatorInstruments)
            await Expect(page.GetByText(instrument, new() { Exact = true }).First).ToBeVisibleAsync();

        await page.GotoAsync($"{dashboard}/metrics/resource/registry?meter=Cooperation&instrument=cooperation.requests&view=Table");
        await Expect(page.GetByText("Requests by requested State and status", new() { Exact = false }).First).ToBeVisibleAsync();
        // The dimension filters: the State label's values include "withheld" (the sealed draft), the status its "Draft".
        await Expect(page.GetByText("withheld", new() { Exact = true }).First).ToBeVisibleAsync();
        await Expect(page.GetByText("Draft", new() { Exact = true }).First).ToBeVisibleAsync();
        await ConsoleBrowser.ScreenshotAsync(page, "trace-viewer-metrics");

        var text = await page.InnerTextAsync("body");
        Assert.DoesNotContain((string)sealedRequest["reference"]!, text);
        Assert.DoesNotContain((string)sealedRequest["id"]!, text);
        Assert.DoesNotContain("Sealed Metrics Page Person", text);
        await page.Context.CloseAsync();
    }

    /// <summary>Polls the viewer's resource list until the service has metrics and a later export has arrived.</summary>
    private async Task WaitForMetricsAsync(string service, DateTime after)
    {
        using var http = new HttpClient { BaseAddress = new Uri(platform.Environment.DashboardUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var seen = false;
        while (DateTime.UtcNow < deadline)
        {
            using var doc = JsonDocument.Parse(await http.GetStringAsync("api/telemetry/resources"));
            seen = doc.RootElement.EnumerateArray().Any(r => r.GetProperty("name").GetString() == service && r.GetProperty("hasMetrics").GetBoolean());
            // Two export intervals after the draft: the gauge read after it has been sent.
            if (seen && DateTime.UtcNow > after + TimeSpan.FromSeconds(10)) return;
            await Task.Delay(500);
        }
        Assert.Fail($"the trace viewer has no metrics from {service} (seen: {seen}) within 60 s");
    }
}
