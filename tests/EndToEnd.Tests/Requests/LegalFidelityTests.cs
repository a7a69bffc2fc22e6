using System.Net;
using Cooperation.EndToEnd.Tests.Consultations;
using Cooperation.EndToEnd.Tests.Platform;
using static Cooperation.EndToEnd.Tests.Consultations.ConsultationSamples;

namespace Cooperation.EndToEnd.Tests.Requests;

/// <summary>
/// The rules the legal review corrected (issue 15), end to end through the gateway, both sides agreeing.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class LegalFidelityTests(PlatformFixture platform)
{
    [Fact]
    public async Task Art97_an_open_consultation_on_assistance_suspends_nothing_execution_and_progress_go_on()
    {
        using var partner = Desks.Create(platform);
        var id = await DeliveredRequestAsync(partner, "/prosecutor", OtherAssistance("ZAF"), "ZAF");
        await Ok(partner.PostJsonAsync($"/states/ZAF/requests/{id}/acknowledge", new { acknowledgedBy = "Central authority" }));
        var opened = await OpenAtStateAsync(partner, "ZAF", id, OpenBody("InsufficientInformation"));
        Assert.False((bool)opened["dutyToExecute"]!["suspended"]!);
        Assert.Contains("Hungary, 2025", (string)opened["dutyToExecute"]!["statement"]!);

        // Execution starts, progress is reported and the request is executed while the consultation is open.
        await Ok(partner.PostAsync($"/states/ZAF/requests/{id}/execution", null));
        await Ok(partner.PostJsonAsync($"/states/ZAF/requests/{id}/progress",
            new { items = new[] { new { description = "Records located", on = "2026-11-20", done = true } }, note = "Under way" }));
        await partner.WaitForAsync($"/prosecutor/requests/{id}/reports",
            r => r["items"]!.AsArray().Any(x => (string)x!["what"]! == "progress"), Soon);
        var atProsecutor = await partner.WaitForAsync($"/prosecutor/requests/{id}", _ => true, Soon);
        Assert.Equal("InConsultation", (string)atProsecutor["status"]!);
        Assert.False((bool)atProsecutor["dutyToExecuteSuspended"]!);
        await Ok(partner.PostJsonAsync($"/states/ZAF/requests/{id}/execute", new { partial = false }));
        await StatusAsync(partner, $"/prosecutor/requests/{id}", "Executed");
    }

    [Fact]
    public async Task Art94_the_postponement_period_is_agreed_with_the_Court_not_set_by_the_State()
    {
        using var partner = Desks.Create(platform);
        var id = await DeliveredRequestAsync(partner, "/registry", OtherAssistance("UGA"), "UGA");
        await Ok(partner.PostJsonAsync($"/states/UGA/requests/{id}/acknowledge", new { acknowledgedBy = "Central authority" }));

        // The State proposes; the request is not postponed yet.
        var proposedUntil = DateTimeOffset.UtcNow.AddDays(120);
        using var proposed = await partner.PostJsonAsync($"/states/UGA/requests/{id}/postpone",
            new { ground = "NationalProceedings", until = proposedUntil, conditionsConsidered = true });
        var atState = await proposed.ReadObjectAsync();
        Assert.True(proposed.StatusCode == HttpStatusCode.OK, atState.ToJsonString());
        Assert.Equal("Acknowledged", (string)atState["status"]!);
        Assert.Equal("RequestedState", (string)atState["pendingPostponement"]!["proposedBy"]!);
        var atRegistry = await partner.WaitForAsync($"/registry/requests/{id}", r => r["pendingPostponement"] is not null, Soon);
        Assert.Equal("Acknowledged", (string)atRegistry["status"]!);
        await partner.WaitForAsync($"/registry/requests/{id}/reports",
            r => r["items"]!.AsArray().Any(x => (string)x!["what"]! == "postponement-proposed"), Soon);

        // The State cannot agree its own proposal; the Registry proposes a shorter period, which the State accepts.
        using var own = await partner.PostAsync($"/states/UGA/requests/{id}/postponement/agree", null);
        Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);
        Assert.EndsWith("/own-proposal", (string)(await own.ReadObjectAsync())["type"]!);
        var shorter = DateTimeOffset.UtcNow.AddDays(45);
        await Ok(partner.PostJsonAsync($"/registry/requests/{id}/postponement/propose", new { until = shorter }));
        await partner.WaitForAsync($"/states/UGA/requests/{id}",
            r => (string?)r["pendingPostponement"]?["proposedBy"] == "IssuingOrgan", Soon);
        await Ok(partner.PostAsync($"/states/UGA/requests/{id}/postponement/agree", null));

        var postponed = await StatusAsync(partner, $"/registry/requests/{id}", "Postponed");
        Assert.True((bool)postponed["dutyToExecuteSuspended"]!);
        Assert.Equal(shorter.ToUnixTimeSeconds(), DateTimeOffset.Parse((string)postponed["postponedUntil"]!).ToUnixTimeSeconds());
        await StatusAsync(partner, $"/states/UGA/requests/{id}", "Postponed");
    }

    [Fact]
    public async Task Art93_4_a_partial_national_security_denial_leaves_the_rest_to_execute_and_72_6_reasons_may_be_withheld()
    {
        using var partner = Desks.Create(platform);
        var id = await DeliveredRequestAsync(partner, "/prosecutor", OtherAssistance("ZAF"), "ZAF");
        await Ok(partner.PostJsonAsync($"/states/ZAF/requests/{id}/acknowledge", new { acknowledgedBy = "Central authority" }));
        await Ok(partner.PostJsonAsync($"/states/ZAF/requests/{id}/deny", new
        {
            ground = "NationalSecurity", partial = true, concernsDocumentsOrEvidence = true, art72StepsTaken = true, reasonsWithheld = true,
        }));
        var reports = await partner.WaitForAsync($"/prosecutor/requests/{id}/reports",
            r => r["items"]!.AsArray().Any(x => (string)x!["what"]! == "partly-denied"), Soon);
        Assert.True((bool)reports["items"]!.AsArray().Single(x => (string)x!["what"]! == "partly-denied")!["reasonsWithheld"]!);
        var atProsecutor = await partner.WaitForAsync($"/prosecutor/requests/{id}", _ => true, Soon);
        Assert.Equal("Acknowledged", (string)atProsecutor["status"]!);
        Assert.Contains(atProsecutor["history"]!.AsArray(), h => (string)h!["what"]! == "request-partly-denied");
        await Ok(partner.PostAsync($"/states/ZAF/requests/{id}/execution", null));
        await Ok(partner.PostJsonAsync($"/states/ZAF/requests/{id}/execute", new { partial = true }));
        await StatusAsync(partner, $"/prosecutor/requests/{id}", "PartiallyExecuted");
    }

    [Fact]
    public async Task Unsealing_needs_the_authorising_decision_and_the_State_records_it()
    {
        using var partner = Desks.Create(platform);
        var id = await DeliveredRequestAsync(partner, "/registry", Samples.ArrestAndSurrender("UGA", classification: "UnderSeal"), "UGA");

        using var bare = await partner.PostJsonAsync($"/registry/requests/{id}/reclassify", new { classification = "Public" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bare.StatusCode);
        Assert.Contains("authorisingDecision", (await bare.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key));

        await Ok(partner.PostJsonAsync($"/registry/requests/{id}/reclassify",
            new { classification = "Public", authorisingDecision = "ICC-01/99-01/26-40" }));
        var atRegistry = await partner.GetFromJsonObjectAsync($"/registry/requests/{id}");
        Assert.Equal("Public", (string)atRegistry["classification"]!);
        Assert.Contains(atRegistry["history"]!.AsArray(), h => (string)h!["what"]! == "request-unsealed");
        var atState = await partner.WaitForAsync($"/states/UGA/requests/{id}", r => (string)r["classification"]! == "Public", Soon);
        Assert.Contains(atState["history"]!.AsArray(), h => (string)h!["what"]! == "request-unsealed");
    }

    private static async Task Ok(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        Assert.True(response.IsSuccessStatusCode,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
