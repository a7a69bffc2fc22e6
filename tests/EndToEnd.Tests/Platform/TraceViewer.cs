using System.Text.Json;

namespace Cooperation.EndToEnd.Tests.Platform;

/// <summary>Reads one trace back from the trace viewer (Aspire dashboard, OTLP JSON API).</summary>
public sealed class TraceViewer(string dashboardUrl)
{
    public sealed record Span(string Service, string Scope, string Name, string TraceId, string SpanId, string? ParentSpanId, int Kind);

    public async Task<IReadOnlyList<Span>> GetTraceAsync(string traceId)
    {
        using var http = new HttpClient { BaseAddress = new Uri(dashboardUrl + "/"), Timeout = TimeSpan.FromSeconds(10) };
        using var response = await http.GetAsync($"api/telemetry/traces/{traceId}");
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return [];
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var spans = new List<Span>();
        Collect(doc.RootElement, spans);
        return spans;
    }

    public sealed record SpanDetail(string Service, string Name, IReadOnlyDictionary<string, string> Attributes, IReadOnlyList<string> LinkedTraceIds);

    /// <summary>Every span of a trace with its string attributes and the trace ids it links to.</summary>
    public async Task<IReadOnlyList<SpanDetail>> GetSpanDetailsAsync(string traceId)
    {
        using var http = new HttpClient { BaseAddress = new Uri(dashboardUrl + "/"), Timeout = TimeSpan.FromSeconds(10) };
        using var response = await http.GetAsync($"api/telemetry/traces/{traceId}");
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return [];
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var details = new List<SpanDetail>();
        foreach (var rs in Find(doc.RootElement, "resourceSpans"))
        {
            var service = ServiceName(rs);
            foreach (var ss in rs.GetProperty("scopeSpans").EnumerateArray())
            foreach (var span in ss.GetProperty("spans").EnumerateArray())
            {
                var attributes = new Dictionary<string, string>();
                if (span.TryGetProperty("attributes", out var list))
                    foreach (var a in list.EnumerateArray())
                        attributes[a.GetProperty("key").GetString() ?? ""] = a.GetProperty("value").ToString();
                var links = span.TryGetProperty("links", out var l)
                    ? l.EnumerateArray().Select(x => x.TryGetProperty("traceId", out var t) ? t.GetString() ?? "" : "").ToList()
                    : [];
                details.Add(new SpanDetail(service, span.GetProperty("name").GetString() ?? "", attributes, links));
            }
        }
        return details;
    }

    public sealed record RecentSpan(string Service, string Name, string TraceId, int Kind, IReadOnlyDictionary<string, string> Attributes);

    /// <summary>The most recent spans the viewer holds (its /api/telemetry/spans list), newest included, with their attributes.</summary>
    public async Task<IReadOnlyList<RecentSpan>> GetRecentSpansAsync(int limit = 10000)
    {
        using var http = new HttpClient { BaseAddress = new Uri(dashboardUrl + "/"), Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.GetAsync($"api/telemetry/spans?limit={limit}");
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var spans = new List<RecentSpan>();
        foreach (var rs in Find(doc.RootElement, "resourceSpans"))
        {
            var service = ServiceName(rs);
            foreach (var ss in rs.GetProperty("scopeSpans").EnumerateArray())
            foreach (var span in ss.GetProperty("spans").EnumerateArray())
            {
                var attributes = new Dictionary<string, string>();
                if (span.TryGetProperty("attributes", out var list))
                    foreach (var a in list.EnumerateArray())
                        attributes[a.GetProperty("key").GetString() ?? ""] = a.GetProperty("value").ToString();
                spans.Add(new RecentSpan(service, span.GetProperty("name").GetString() ?? "", span.GetProperty("traceId").GetString() ?? "",
                    span.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.Number ? k.GetInt32() : 0, attributes));
            }
        }
        return spans;
    }

    private static IEnumerable<JsonElement> Find(JsonElement element, string name)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty(name, out var found))
            {
                foreach (var item in found.EnumerateArray()) yield return item;
                yield break;
            }
            foreach (var property in element.EnumerateObject())
            foreach (var item in Find(property.Value, name)) yield return item;
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var child in element.EnumerateArray())
            foreach (var item in Find(child, name)) yield return item;
        }
    }

    /// <summary>The raw OTLP JSON of a trace and of its logs, for searching every attribute and message.</summary>
    public async Task<string> GetRawTraceAndLogsAsync(string traceId)
    {
        using var http = new HttpClient { BaseAddress = new Uri(dashboardUrl + "/"), Timeout = TimeSpan.FromSeconds(10) };
        var spans = await http.GetStringAsync($"api/telemetry/traces/{traceId}");
        using var logs = await http.GetAsync($"api/telemetry/traces/{traceId}/logs");
        return spans + "\n" + (logs.IsSuccessStatusCode ? await logs.Content.ReadAsStringAsync() : "");
    }

    /// <summary>Polls until the predicate holds (exporters batch), returning the last spans seen.</summary>
    public async Task<IReadOnlyList<Span>> WaitForTraceAsync(string traceId, Func<IReadOnlyList<Span>, bool> complete, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        IReadOnlyList<Span> spans = [];
        while (DateTime.UtcNow < deadline)
        {
            spans = await GetTraceAsync(traceId);
            if (complete(spans)) return spans;
            await Task.Delay(500);
        }
        return spans;
    }

    // OTLP JSON: resourceSpans[].resource.attributes[service.name], scopeSpans[].scope.name, spans[].
    private static void Collect(JsonElement element, List<Span> spans)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("resourceSpans", out var resourceSpans))
            {
                foreach (var rs in resourceSpans.EnumerateArray())
                {
                    var service = ServiceName(rs);
                    foreach (var ss in rs.GetProperty("scopeSpans").EnumerateArray())
                    {
                        var scope = ss.TryGetProperty("scope", out var s) && s.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
                        foreach (var span in ss.GetProperty("spans").EnumerateArray())
                            spans.Add(new Span(service, scope,
                                span.GetProperty("name").GetString() ?? "",
                                span.GetProperty("traceId").GetString() ?? "",
                                span.GetProperty("spanId").GetString() ?? "",
                                span.TryGetProperty("parentSpanId", out var p) ? p.GetString() : null,
                                span.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.Number ? k.GetInt32() : 0));
                    }
                }
                return;
            }
            foreach (var property in element.EnumerateObject()) Collect(property.Value, spans);
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray()) Collect(item, spans);
        }
    }

    private static string ServiceName(JsonElement resourceSpans)
    {
        if (!resourceSpans.TryGetProperty("resource", out var resource) || !resource.TryGetProperty("attributes", out var attributes))
            return "";
        foreach (var a in attributes.EnumerateArray())
            if (a.GetProperty("key").GetString() == "service.name")
                return a.GetProperty("value").GetProperty("stringValue").GetString() ?? "";
        return "";
    }
}
