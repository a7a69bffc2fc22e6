using System.Net;
using System.Text.RegularExpressions;
using Cooperation.EndToEnd.Tests.Platform;
using Cooperation.EndToEnd.Tests.Requests;

namespace Cooperation.EndToEnd.Tests.Operations;

/// <summary>
/// Issue 17: an operator asks "where is request X stuck, and since when?". Every span that works on a request
/// carries its opaque id; each history entry names the trace that caused it; the metrics carry no id or sealed
/// fact; /health says whether the broker is connected and how old the oldest unsent message is.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class OperatorTelemetryTests(PlatformFixture platform)
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Every_trace_of_a_requests_life_carries_its_id_and_each_history_entry_names_its_trace()
    {
        using var desk = platform.CreatePartnerClient("registry", "state:UGA");
        using var drafted = await desk.PostJsonAsync("/registry/requests", Samples.ArrestAndSurrender("UGA"));
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var draftTrace = drafted.Headers.GetValues("X-Correlation-Id").Single();
        var id = (string)(await drafted.ReadObjectAsync())["id"]!;
        using var transmitted = await desk.PostAsync($"/registry/requests/{id}/transmit", null);
        Assert.Equal(HttpStatusCode.OK, transmitted.StatusCode);
        var transmitTrace = transmitted.Headers.GetValues("X-Correlation-Id").Single();
        await desk.WaitForAsync($"/states/UGA/requests/{id}", _ => true, Soon);
        using var acknowledged = await desk.PostJsonAsync($"/states/UGA/requests/{id}/acknowledge", new { acknowledgedBy = "Central authority" });
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        var acknowledgeTrace = acknowledged.Headers.GetValues("X-Correlation-Id").Single();
        var view = await desk.WaitForAsync($"/registry/requests/{id}", r => r["evidence"]!["acknowledgedAt"] is not null, Soon);

        // "Since when" → the exact trace: each entry names the call or message that caused it.
        string TraceOf(string what) => (string)view["history"]!.AsArray().Last(h => (string)h!["what"]! == what)!["traceId"]!;
        Assert.Equal(draftTrace, TraceOf("request-drafted"));
        Assert.Equal(transmitTrace, TraceOf("request-transmitted"));
        Assert.Equal(transmitTrace, TraceOf("request-delivered")); // the State's delivery report answers the transmission, in its trace
        Assert.Equal(acknowledgeTrace, TraceOf("request-acknowledged"));
        var atState = await desk.GetFromJsonObjectAsync($"/states/UGA/requests/{id}");
        Assert.All(atState["history"]!.AsArray(), h => Assert.Matches("^[0-9a-f]{32}$", (string)h!["traceId"]!));

        // The trace viewer lists every trace of the request by its id attribute, whatever the kind of span.
        var viewer = new TraceViewer(platform.Environment.DashboardUrl);
        var expected = new[] { draftTrace, transmitTrace, acknowledgeTrace };
        IReadOnlyList<TraceViewer.RecentSpan> tagged = [];
        var deadline = DateTime.UtcNow + Soon;
        bool Complete() =>
            expected.All(t => tagged.Any(s => s.TraceId == t))
            && tagged.Any(s => s.Service == "registry" && s.Kind == 2 && s.Attributes.GetValueOrDefault("cooperation.step", "").Contains("transmit request"))
            && tagged.Any(s => s.Service == "registry" && s.Name == "outbox dispatch")
            && tagged.Any(s => s.Service == "registry" && s.Name == "transmit request")
            && tagged.Any(s => s.Service == "state-uga" && s.Name == "acknowledge request")
            && tagged.Any(s => s.Service == "state-uga" && s.Kind == 5)
            && tagged.Any(s => s.Service == "registry" && s.Kind == 5);
        while (DateTime.UtcNow < deadline)
        {
            tagged = (await viewer.GetRecentSpansAsync()).Where(s => s.Attributes.TryGetValue("cooperation.request.id", out var v) && v.Contains(id)).ToList();
            if (Complete()) break;
            await Task.Delay(500);
        }
        Assert.True(Complete(), $"spans tagged with the request's id: {string.Join("; ", tagged.Select(s => $"{s.Service}/{s.Kind}/{s.Name}/{s.TraceId}"))}");
        Assert.Equal(expected.Order(), tagged.Select(s => s.TraceId).Distinct().Where(expected.Contains).Order());
        // Ids, a version and a kind: the person's name and the request's reference are in no span attribute.
        var reference = (string)view["reference"]!;
        Assert.DoesNotContain(tagged.SelectMany(s => s.Attributes.Values), v => v.Contains("Fictitious") || v.Contains(reference));
    }

    [Fact]
    public async Task Metrics_are_for_operators_only_carry_no_id_and_count_a_sealed_request_under_withheld()
    {
        using var registry = platform.CreatePartnerClient("registry");
        // One delivered request, so the Registry has consumed a message (consumer lag) ...
        using (var other = await registry.PostJsonAsync("/registry/requests", Samples.ArrestAndSurrender("UGA")))
        {
            var otherId = (string)(await other.ReadObjectAsync())["id"]!;
            using var sent = await registry.PostAsync($"/registry/requests/{otherId}/transmit", null);
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
            await registry.WaitForAsync($"/registry/requests/{otherId}", r => r["evidence"]!["deliveredAt"] is not null, Soon);
        }
        // ... and one sealed draft for ZAF, which no figure may place at ZAF.
        using var drafted = await registry.PostJsonAsync("/registry/requests",
            Samples.ArrestAndSurrender("ZAF", personName: "Sealed Metrics Person", classification: "UnderSeal"));
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var sealedRequest = await drafted.ReadObjectAsync();

        using var anonymous = PlatformFixture.CreateClient(platform.Registry.BaseAddress, token: null);
        using (var refused = await anonymous.GetAsync("/metrics")) Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using var desk = PlatformFixture.CreateClient(platform.Registry.BaseAddress, platform.TokenOf("registry-desk"));
        using (var forbidden = await desk.GetAsync("/metrics")) Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        using var operatorTool = PlatformFixture.CreateClient(platform.Registry.BaseAddress, platform.TokenOf("operator-console"));
        var text = "";
        var deadline = DateTime.UtcNow + Soon;
        while (DateTime.UtcNow < deadline)
        {
            text = await operatorTool.GetStringAsync("/metrics");
            if (Series(text, "cooperation_requests").Any(s => s.Labels.GetValueOrDefault("state") == "withheld" && s.Labels["status"] == "Draft")
                && Series(text, "cooperation_consultations_open").Any()
                && Series(text, "cooperation_deadlines_due_within_24h").Any())
                break;
            await Task.Delay(500);
        }
        var requests = Series(text, "cooperation_requests").ToList();
        Assert.Contains(requests, s => s.Labels.GetValueOrDefault("state") == "withheld" && s.Labels["status"] == "Draft");
        Assert.NotEmpty(Series(text, "cooperation_consultations_open"));
        Assert.NotEmpty(Series(text, "cooperation_deadlines_due_within_24h"));
        // Labels: a State code or "withheld", and a status word — never an id, a reference or a name.
        Assert.All(requests, s =>
        {
            Assert.Equal(["state", "status"], s.Labels.Keys.Where(k => k is not ("otel_scope_name" or "otel_scope_version" or "job" or "instance")).Order());
            Assert.Matches("^([A-Z]{3}|withheld)$", s.Labels["state"]);
        });
        // No GUID in any label — except target_info's service_instance_id, the process's own random id (an OTel resource attribute).
        Assert.DoesNotMatch(Guid(), string.Join('\n', text.Split('\n').Where(l => !l.StartsWith("target_info", StringComparison.Ordinal))));
        Assert.DoesNotContain((string)sealedRequest["reference"]!, text);
        Assert.DoesNotContain("Sealed Metrics Person", text);

        // Every metric the alert rules use exists in a Court service's scrape (a rule on a missing series never fires).
        var rules = await File.ReadAllTextAsync(Path.Combine(platform.Environment.RepoRoot, "infra", "monitoring", "alert-rules.yml"));
        var used = RuleMetric().Matches(rules).Select(m => Regex.Replace(m.Value, "_(bucket|sum|count)$", "")).Distinct().ToList();
        Assert.NotEmpty(used);
        Assert.All(used, name => Assert.Contains($"# TYPE {name} ", text));
    }

    [Fact]
    public async Task The_travel_alert_counters_count_States_alerted_warnings_overdue_and_Assembly_notifications_without_labels()
    {
        using var registry = platform.CreatePartnerClient("registry");
        using var operatorTool = PlatformFixture.CreateClient(platform.Registry.BaseAddress, platform.TokenOf("operator-console"));
        string[] counters =
        [
            "cooperation_alert_states_alerted_total", "cooperation_alert_acknowledgement_warnings_total",
            "cooperation_alert_acknowledgement_overdue_total", "cooperation_alert_assembly_notifications_total",
        ];
        async Task<Dictionary<string, double>> ReadAsync()
        {
            var text = await operatorTool.GetStringAsync("/metrics");
            return counters.ToDictionary(c => c, c => Series(text, c).Sum(s => s.Value));
        }
        var before = await ReadAsync();

        // An alert to Uganda (delivered) and the Netherlands (no node here: never delivered, so it warns at 10 s, goes
        // overdue at 20 s and, as the fixture configures, is notified to the Assembly's side).
        var flow = new Alerts.AlertFlow(platform);
        var (requestId, _) = await flow.DeliveredArrestRequestAsync(registry, "UGA");
        var board = await Alerts.AlertFlow.IssueAsync(registry, requestId, Alerts.AlertFlow.Entry("UGA"), Alerts.AlertFlow.Entry("NLD"));
        await Alerts.AlertFlow.WaitBoardAsync(registry, (string)board["id"]!,
            b => Alerts.AlertFlow.EntryOf(b, "NLD")["assembly"]!["overdueAt"] is not null, TimeSpan.FromSeconds(90));

        var after = await ReadAsync();
        var until = DateTime.UtcNow + Soon;
        while (counters.Any(c => after[c] <= before[c]) && DateTime.UtcNow < until)
        {
            await Task.Delay(500);
            after = await ReadAsync();
        }
        Assert.True(after["cooperation_alert_states_alerted_total"] - before["cooperation_alert_states_alerted_total"] >= 2,
            $"states alerted: {before["cooperation_alert_states_alerted_total"]} -> {after["cooperation_alert_states_alerted_total"]}");
        foreach (var c in counters.Skip(1)) Assert.True(after[c] - before[c] >= 1, $"{c}: {before[c]} -> {after[c]}");

        // No label but the exporter's own scope: no State, alert, request or classification (Art 87(3)).
        var scrape = await operatorTool.GetStringAsync("/metrics");
        Assert.All(counters.SelectMany(c => Series(scrape, c)), s =>
            Assert.DoesNotContain(s.Labels.Keys, k => k is not ("otel_scope_name" or "otel_scope_version" or "job" or "instance")));
    }

    [GeneratedRegex("cooperation_[a-z0-9_]+")]
    private static partial Regex RuleMetric();

    [Fact]
    public async Task Health_says_whether_the_broker_is_connected_and_how_old_the_oldest_unsent_message_is()
    {
        using var anonymous = PlatformFixture.CreateClient(platform.Registry.BaseAddress, token: null);
        var health = await anonymous.GetFromJsonObjectAsync("/health");
        Assert.Equal("Connected", (string?)health["broker"]);
        Assert.Equal("Healthy", (string?)health["checks"]!["outbox"]);
        Assert.True((int)health["outbox"]!["pending"]! >= 0);
        Assert.True((double)health["outbox"]!["oldestPendingAgeSeconds"]! >= 0);
        Assert.Equal(300, (double)health["outbox"]!["degradedAfterSeconds"]!);
        using var state = PlatformFixture.CreateClient(platform.StateNodes["ZAF"].BaseAddress, token: null);
        Assert.Equal("Connected", (string?)(await state.GetFromJsonObjectAsync("/health"))["broker"]);
    }

    /// <summary>
    /// The test States run in one process (the first State's, hosting the others). Each node's /metrics holds its own figures once,
    /// not every hosted node's under its name; the process-wide ones (the runtime's) only the first node's.
    /// </summary>
    [Fact]
    public async Task Each_hosted_state_node_serves_its_own_metrics_once_and_only_the_first_the_process_wide_ones()
    {
        async Task<string> ScrapeAsync(string code)
        {
            using var client = PlatformFixture.CreateClient(platform.StateNodes[code].BaseAddress, platform.TokenOf("operator-console"));
            var deadline = DateTime.UtcNow + Soon;
            var text = "";
            while (DateTime.UtcNow < deadline && !text.Contains("cooperation_outbox_pending", StringComparison.Ordinal))
            {
                text = await client.GetStringAsync("/metrics");
                await Task.Delay(250);
            }
            return text;
        }
        var first = platform.StateNodes.Single(n => ReferenceEquals(n.Value.Host, n.Value) && platform.StateNodes.Values.Any(o => o != n.Value && ReferenceEquals(o.Host, n.Value)));
        var neighbour = platform.StateNodes.First(n => n.Value != first.Value && ReferenceEquals(n.Value.Host, first.Value));
        var primary = await ScrapeAsync(first.Key);
        var hosted = await ScrapeAsync(neighbour.Key);
        foreach (var text in new[] { primary, hosted })
        {
            var all = text.Split('\n').Where(l => l.StartsWith("cooperation_outbox_pending", StringComparison.Ordinal) && l.Contains("destination=\"all\"")).ToList();
            Assert.True(all.Count == 1, string.Join('\n', all));
        }
        Assert.Contains("dotnet_gc_", primary);
        Assert.DoesNotContain("dotnet_gc_", hosted);
    }

    private sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    /// <summary>The samples of one metric in Prometheus text format.</summary>
    private static IEnumerable<Sample> Series(string text, string name)
    {
        foreach (var line in text.Split('\n'))
        {
            var match = SampleLine().Match(line);
            if (!match.Success || match.Groups["name"].Value != name) continue;
            var labels = LabelPair().Matches(match.Groups["labels"].Value).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
            yield return new Sample(name, labels, double.Parse(match.Groups["value"].Value.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>.+)$")]
    private static partial Regex SampleLine();

    [GeneratedRegex("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex LabelPair();

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();
}
