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

        using var drafted = await partner.PostJsonAsync("/registry/requests", Samples.ArrestAndSurrender("UGA", secretName, "UnderSeal"));
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var id = (string)(await drafted.ReadObjectAsync())["id"]!;
        // The gateway starts one trace per call: every call's trace is searched below.
        var traces = new List<string> { Correlation(drafted) };
        using var transmitted = await partner.PostAsync($"/registry/requests/{id}/transmit", null);
        Assert.Equal(HttpStatusCode.OK, transmitted.StatusCode);
        // The trace the gateway started for the transmission: Registry, broker, State and back.
        var traceId = transmitted.Headers.GetValues("X-Correlation-Id").Single();
        await uganda.WaitForAsync($"/states/UGA/requests/{id}", _ => true, Soon);
        using var acknowledged = await uganda.PostJsonAsync($"/states/UGA/requests/{id}/acknowledge", new { acknowledgedBy = "desk" });
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        traces.Add(Correlation(acknowledged));
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
            traces.Add(Correlation(response));
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
        var spans = await viewer.WaitForTraceAsync(traceId, s =>
            s.Any(x => x is { Service: "state-uga", Name: "state-uga process" }) && s.Any(x => x is { Service: "registry", Name: "registry.from-state-uga process" }), Soon);
        // The State's receipt of the sealed request is in it, so the search below looks at the right data.
        Assert.Contains(spans, x => x is { Service: "state-uga", Name: "state-uga process" });
        var telemetry = new StringBuilder(await viewer.GetRawTraceAndLogsAsync(traceId));
        foreach (var other in traces)
        {
            // Exporters batch: a call's gateway span is there once its trace has arrived at all.
            await viewer.WaitForTraceAsync(other, s => s.Any(x => x.Service == "gateway"), Soon);
            telemetry.AppendLine(await viewer.GetRawTraceAndLogsAsync(other));
        }
        Assert.DoesNotContain(secretName, telemetry.ToString());
        Assert.DoesNotContain("Sealedname", telemetry.ToString());

        // Every process's own log output.
        foreach (var service in platform.Services)
            Assert.False(service.Output.Contains("Sealedname"), $"{service.Name} logged the sealed name");
    }

    private static string Correlation(HttpResponseMessage response) => response.Headers.GetValues("X-Correlation-Id").Single();

    private static bool FileContains(string path, string text) =>
        File.Exists(path) && Encoding.UTF8.GetString(File.ReadAllBytes(path)).Contains(text, StringComparison.Ordinal);
}
