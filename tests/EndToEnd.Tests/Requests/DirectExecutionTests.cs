using System.Net;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Consultations;
using Cooperation.EndToEnd.Tests.Platform;
using static Cooperation.EndToEnd.Tests.Consultations.ConsultationSamples;

namespace Cooperation.EndToEnd.Tests.Requests;

/// <summary>
/// Art 99(4): the Prosecutor's direct execution on a State's territory, recorded at the Prosecutor's service after
/// consultations (the State's 99(4)(b) ground), with the case that applies, and shown at the State.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class DirectExecutionTests(PlatformFixture platform)
{
    private static object Interview(string stateCode) => new
    {
        kind = "OtherAssistance",
        stateCode,
        classification = "Confidential",
        language = "en",
        contents = new
        {
            measure = "TakeEvidence",
            purpose = "Interview a witness who agreed to speak",
            legalBasis = "Art 93(1)(b), 99(4)",
            personsAndPlaces = new[] { "Witness P-0002, capital" },
            facts = "Events of 2024",
            procedureToFollow = "Audio-video recording",
            procedureReasons = "Admissible at trial",
            replyBy = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(60)).ToString("yyyy-MM-dd"),
        },
    };

    [Fact]
    public async Task Art99_4_direct_execution_after_consultations_with_its_case_recorded_at_the_Prosecutor_and_shown_at_the_State()
    {
        using var partner = Desks.Create(platform);
        var id = await DeliveredRequestAsync(partner, "/prosecutor", Interview("ZAF"), "ZAF");
        await Ok(partner.PostJsonAsync($"/states/ZAF/requests/{id}/acknowledge", new { acknowledgedBy = "Central authority" }));
        await StatusAsync(partner, $"/prosecutor/requests/{id}", "Acknowledged");
        var direct = $"/prosecutor/requests/{id}/direct-execution";
        var on = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)).ToString("yyyy-MM-dd");

        // Compulsory measures, or the authorities' absence without need: every such field named, nothing recorded.
        using (var bad = await partner.PostJsonAsync(direct, new { on, noCompulsoryMeasures = false, withoutStateAuthorities = true }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
            Assert.Equal(["absenceOfAuthoritiesEssential", "noCompulsoryMeasures"],
                (await bad.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key).Order().ToArray());
        }
        using (var missing = await partner.PostJsonAsync(direct, new { noCompulsoryMeasures = true }))
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        // No consultation yet.
        await ConflictAsync(partner.PostJsonAsync(direct, new { on, noCompulsoryMeasures = true }), "consultation-required");

        // The State raises its concerns on the 99(4)(b) ground.
        var opened = await OpenAtStateAsync(partner, "ZAF", id, new
        {
            grounds = new[] { "DirectExecutionProblem" },
            description = "A liaison officer must attend the interview.",
        });
        Assert.Contains("99(4)(b)", opened["grounds"]!.ToJsonString());
        await partner.WaitForAsync($"/prosecutor/requests/{id}/consultations/{(string)opened["id"]!}", _ => true, Soon);

        await Ok(partner.PostJsonAsync(direct, new { on, noCompulsoryMeasures = true, stateConditions = "A liaison officer attends" }));
        var atProsecutor = await partner.GetFromJsonObjectAsync($"/prosecutor/requests/{id}");
        var recorded = atProsecutor["directExecutions"]!.AsArray().Single()!;
        Assert.Equal("AfterConsultationsSubjectToConditions", (string)recorded["case"]!);
        Assert.Equal("A liaison officer attends", (string)recorded["plan"]!["stateConditions"]!);
        Assert.Contains(atProsecutor["history"]!.AsArray(), h => (string)h!["what"]! == "direct-execution-recorded");

        var atState = await partner.WaitForAsync($"/states/ZAF/requests/{id}", r => r["directExecutions"] is JsonArray { Count: 1 }, Soon);
        Assert.Equal("AfterConsultationsSubjectToConditions", (string)atState["directExecutions"]![0]!["case"]!);
        Assert.Equal("InConsultation", (string)atState["status"]!);
    }

    [Fact]
    public async Task Art99_4_a_on_the_territorial_State_after_an_admissibility_determination()
    {
        using var partner = Desks.Create(platform);
        var id = await DeliveredRequestAsync(partner, "/prosecutor", Interview("UGA"), "UGA");
        await Ok(partner.PostJsonAsync($"/states/UGA/requests/{id}/acknowledge", new { acknowledgedBy = "Central authority" }));
        var opened = await OpenAtStateAsync(partner, "UGA", id, OpenBody("InsufficientInformation"));
        await partner.WaitForAsync($"/prosecutor/requests/{id}/consultations/{(string)opened["id"]!}", _ => true, Soon);
        await StatusAsync(partner, $"/prosecutor/requests/{id}", "InConsultation");

        await Ok(partner.PostJsonAsync($"/prosecutor/requests/{id}/direct-execution", new
        {
            on = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(5)).ToString("yyyy-MM-dd"),
            noCompulsoryMeasures = true, withoutStateAuthorities = true, absenceOfAuthoritiesEssential = true,
            crimeAllegedOnTerritory = true, admissibilityDecision = "ICC-01/99-01/26-95",
        }));
        var atState = await partner.WaitForAsync($"/states/UGA/requests/{id}", r => r["directExecutions"] is JsonArray { Count: 1 }, Soon);
        Assert.Equal("TerritorialStateAfterAdmissibility", (string)atState["directExecutions"]![0]!["case"]!);
        Assert.Equal("ICC-01/99-01/26-95", (string)atState["directExecutions"]![0]!["plan"]!["admissibilityDecision"]!);
        // The Registry has no direct execution (Art 99(4) is the Prosecutor's).
        using var registry = await partner.PostJsonAsync($"/registry/requests/{id}/direct-execution", new { on = "2026-12-10" });
        Assert.NotEqual(HttpStatusCode.OK, registry.StatusCode);
    }

    private static async Task ConflictAsync(Task<HttpResponseMessage> call, string code)
    {
        using var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{(int)response.StatusCode} {body}");
        Assert.EndsWith("/" + code, (string)JsonNode.Parse(body)!["type"]!);
    }

    private static async Task Ok(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        Assert.True(response.IsSuccessStatusCode,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
