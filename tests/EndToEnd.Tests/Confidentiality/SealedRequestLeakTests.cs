using System.Diagnostics;
using System.Net;
using System.Text;
using Cooperation.EndToEnd.Tests.Platform;
using Cooperation.EndToEnd.Tests.Requests;

namespace Cooperation.EndToEnd.Tests.Confidentiality;

/// <summary>
/// A sealed warrant never reaches another State, a log line, a trace attribute or an error
/// message (Art 87(3), design.md). The whole life of a sealed request is traced and logged, then
/// every place is searched for the person's name and the facts.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SealedRequestLeakTests(PlatformFixture platform)
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_sealed_requests_content_appears_in_no_log_trace_error_or_other_state()
    {
        var secretName = $"Sealedname {Guid.NewGuid():N}";
        using var partner = platform.CreatePartnerClient("registry");
        using var uganda = platform.CreatePartnerClient("state:UGA");
        using var southAfrica = platform.CreatePartnerClient("state:ZAF");
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        foreach (var client in new[] { partner, uganda, southAfrica })
            client.DefaultRequestHeaders.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        using var drafted = await partner.PostJsonAsync("/registry/requests", Samples.ArrestAndSurrender("UGA", secretName, "UnderSeal"));
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var id = (string)(await drafted.ReadObjectAsync())["id"]!;
        using var transmitted = await partner.PostAsync($"/registry/requests/{id}/transmit", null);
        Assert.Equal(HttpStatusCode.OK, transmitted.StatusCode);
        await uganda.WaitForAsync($"/states/UGA/requests/{id}", _ => true, Soon);
        using var acknowledged = await uganda.PostJsonAsync($"/states/UGA/requests/{id}/acknowledge", new { acknowledgedBy = "desk" });
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        await partner.WaitForAsync($"/registry/requests/{id}", r => r["evidence"]!["acknowledgedAt"] is not null, Soon);

        // The legitimate readers do see it (the test would prove nothing if the name never travelled).
        var atState = await uganda.WaitForAsync($"/states/UGA/requests/{id}", _ => true, Soon);
        Assert.Equal(secretName, (string)atState["contents"]!["person"]!["name"]!);

        // Error messages about it: illegal transitions on both sides.
        var errors = new StringBuilder();
        foreach (var (client, method, path) in new[]
                 {
                     (partner, "POST", $"/registry/requests/{id}/transmit"),
                     (uganda, "POST", $"/states/UGA/requests/{id}/acknowledge"),
                     (southAfrica, "GET", $"/states/ZAF/requests/{id}"),
                     (southAfrica, "GET", $"/states/UGA/requests/{id}"),
                 })
        {
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            Assert.False(response.IsSuccessStatusCode, $"{method} {path} should be refused");
            errors.AppendLine(await response.Content.ReadAsStringAsync());
        }
        Assert.DoesNotContain(secretName, errors.ToString());

        // Another State: its API and its database never hold it.
        using var elsewhere = await southAfrica.GetAsync("/states/ZAF/requests?limit=200");
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
        Assert.DoesNotContain(id, await elsewhere.Content.ReadAsStringAsync());
        if (platform.SqliteFileOf("state-zaf") is { } zafDatabase)
            Assert.False(FileContains(zafDatabase, secretName) || FileContains(zafDatabase + "-wal", secretName),
                "the sealed name is in another State's database");

        // Traces and the logs correlated with them, as exported to the trace viewer.
        var viewer = new TraceViewer(platform.Environment.DashboardUrl);
        await viewer.WaitForTraceAsync(traceId, s => s.Any(x => x is { Service: "registry", Name: "registry.from-state-uga process" }), Soon);
        var telemetry = await viewer.GetRawTraceAndLogsAsync(traceId);
        Assert.Contains(id, telemetry); // opaque ids are there, so the search below looks at the right data
        Assert.DoesNotContain(secretName, telemetry);
        Assert.DoesNotContain("Sealedname", telemetry);

        // Every process's own log output.
        foreach (var service in platform.Services)
            Assert.False(service.Output.Contains("Sealedname"), $"{service.Name} logged the sealed name");
    }

    private static bool FileContains(string path, string text) =>
        File.Exists(path) && Encoding.UTF8.GetString(File.ReadAllBytes(path)).Contains(text, StringComparison.Ordinal);
}
