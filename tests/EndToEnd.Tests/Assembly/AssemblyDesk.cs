using System.Net;
using System.Text.Json.Nodes;
using Cooperation.Contracts.NonCompliance;
using Cooperation.EndToEnd.Tests.Platform;
using Cooperation.EndToEnd.Tests.Requests;
using Cooperation.EndToEnd.Tests.Security.Broker;

namespace Cooperation.EndToEnd.Tests.Assembly;

/// <summary>The Court's side as the Assembly meets it: a real request at a State, and the Registry's notification.</summary>
public static class AssemblyDesk
{
    public static readonly TimeSpan Soon = TimeSpan.FromSeconds(30);
    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>A real arrest request the Registry transmits to <paramref name="state"/>, once delivered: its id and reference.</summary>
    public static async Task<(Guid Id, string Reference)> DeliveredRequestAsync(PlatformFixture platform, string state, string personName)
    {
        using var desk = platform.CreatePartnerClient("registry");
        using var drafted = await desk.PostJsonAsync("/registry/requests", Samples.ArrestAndSurrender(state, personName));
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var created = await drafted.ReadObjectAsync();
        var id = (string)created["id"]!;
        using var transmitted = await desk.PostAsync($"/registry/requests/{id}/transmit", null);
        Assert.Equal(HttpStatusCode.OK, transmitted.StatusCode);
        var delivered = await desk.WaitForAsync($"/registry/requests/{id}", r => (string)r["status"]! == "Delivered", Soon);
        return (Guid.Parse(id), (string)delivered["reference"]!);
    }

    /// <summary>
    /// The Registry → Assembly notification exactly as the Registry's outbox sends it (issue 9 item 3; the producers are
    /// built beside this work): a MassTransit envelope on the exchange "assembly", with the Registry's broker user.
    /// </summary>
    public static Task NotifyAsync(
        Guid caseId, string state, Guid requestId, string reference, string reason, IEnumerable<(string Step, string Reference, DateOnly On)> steps,
        DateOnly? expectedFrom = null, DateOnly? expectedUntil = null, string user = "registry", string exchange = "assembly", Guid? messageId = null) =>
        BrokerAttack.PublishAsync(user, exchange, BrokerAttack.Urn<NonCooperationNotified>(), new
        {
            requestId,
            requestVersion = 1,
            senderOrgan = "Registry",
            classification = "Confidential",
            sentAt = DateTimeOffset.UtcNow,
            readers = Array.Empty<string>(),
            reason,
            caseId,
            stateCode = state,
            requestReference = reference,
            situation = "ICC-01/99",
            steps = steps.Select(s => new { step = s.Step, decisionReference = s.Reference, decidedAt = s.On.ToString("yyyy-MM-dd") }).ToArray(),
            expectedFrom = expectedFrom?.ToString("yyyy-MM-dd"),
            expectedUntil = expectedUntil?.ToString("yyyy-MM-dd"),
            notifiedAt = DateTimeOffset.UtcNow,
        }, messageId ?? Guid.NewGuid());

    /// <summary>A matter that reached a referral to the Assembly (Art 87(7)), with the Chamber's decisions.</summary>
    public static (string, string, DateOnly)[] ReferredMatter(DateOnly finding) =>
    [
        ("Suspected", "REG-NOTE-1", finding.AddDays(-60)),
        ("ObservationsInvited", "ICC-01/99-01/26-10", finding.AddDays(-50)),
        ("Finding", "ICC-01/99-01/26-20", finding),
        ("ReferredToAssembly", "ICC-01/99-01/26-20", finding),
    ];

    public static object Document(string reference, DateOnly date) => new { reference, title = $"Document {reference}", date = date.ToString("yyyy-MM-dd") };

    public static object Step(string step, DateOnly on, DateOnly? viewsDueBy = null) => new
    {
        step,
        on = on.ToString("yyyy-MM-dd"),
        document = Document($"ICC-ASP/24/{step}", on),
        viewsDueBy = viewsDueBy?.ToString("yyyy-MM-dd"),
    };

    public static async Task<JsonObject> PostCreatedAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>POSTs and expects a refusal with this status and ProblemDetails type ending (the stable error code).</summary>
    public static async Task RefusedAsync(HttpClient client, string path, object body, HttpStatusCode status, string? typeEndsWith = null)
    {
        using var response = await client.PostJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"POST {path}: expected {(int)status}, got {(int)response.StatusCode} {text}");
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString() ?? "");
        if (typeEndsWith is not null) Assert.EndsWith(typeEndsWith, (string)JsonNode.Parse(text)!["type"]!);
    }

    public static string[] Steps(JsonObject view, string property = "formalSteps") =>
        view[property]!.AsArray().Select(s => (string)s!["step"]!).ToArray();
}
