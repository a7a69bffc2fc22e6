using System.Net;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Consultations;
using Cooperation.EndToEnd.Tests.Platform;
using static Cooperation.EndToEnd.Tests.Consultations.ConsultationSamples;

namespace Cooperation.EndToEnd.Tests.Requests;

/// <summary>
/// Art 94(2) preservation measures, the Art 95 order that evidence collection continue, and the admissibility ruling
/// ending an Art 95 postponement: recorded by the issuing organ, sent to the State, shown on both sides.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AdmissibilityTests(PlatformFixture platform)
{
    [Fact]
    public async Task Art94_2_the_Prosecutor_seeks_preservation_measures_during_an_Art_94_postponement_and_the_State_has_them()
    {
        using var partner = Desks.Create(platform);
        var id = await DeliveredRequestAsync(partner, "/prosecutor", OtherAssistance("ZAF"), "ZAF");
        await Ok(partner.PostJsonAsync($"/states/ZAF/requests/{id}/acknowledge", new { acknowledgedBy = "Central authority" }));
        var preservation = $"/prosecutor/requests/{id}/preservation-measures";
        await StatusAsync(partner, $"/prosecutor/requests/{id}", "Acknowledged");

        // Not during an Art 94 postponement: 409, nothing recorded.
        await ConflictAsync(partner.PostJsonAsync(preservation, new { measures = "Seal the archive room" }), "preservation-not-applicable");

        await Ok(partner.PostJsonAsync($"/states/ZAF/requests/{id}/postpone",
            new { ground = "NationalProceedings", until = DateTimeOffset.UtcNow.AddDays(90), conditionsConsidered = true }));
        await partner.WaitForAsync($"/prosecutor/requests/{id}", r => r["pendingPostponement"] is JsonObject, Soon);

        using (var bad = await partner.PostJsonAsync(preservation, new { measures = " " }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal(["measures"], (await bad.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key).ToArray());
        }
        await Ok(partner.PostJsonAsync(preservation, new { measures = "Seal the archive room; copy the ledgers" }));
        var atState = await partner.WaitForAsync($"/states/ZAF/requests/{id}",
            r => (bool?)r["admissibility"]?["preservationMeasuresSought"] == true, Soon);
        Assert.Equal("Seal the archive room; copy the ledgers", (string)atState["admissibility"]!["preservationMeasures"]!);
        Assert.Contains(atState["history"]!.AsArray(), h => (string)h!["what"]! == "preservation-measures-sought");
    }

    [Fact]
    public async Task Art94_2_it_is_the_Prosecutor_who_seeks_preservation_not_the_Registry()
    {
        using var partner = Desks.Create(platform);
        var id = await DeliveredRequestAsync(partner, "/registry", OtherAssistance("UGA"), "UGA");
        await Ok(partner.PostJsonAsync($"/states/UGA/requests/{id}/acknowledge", new { acknowledgedBy = "Central authority" }));
        await Ok(partner.PostJsonAsync($"/states/UGA/requests/{id}/postpone",
            new { ground = "NationalProceedings", until = DateTimeOffset.UtcNow.AddDays(90) }));
        await partner.WaitForAsync($"/registry/requests/{id}", r => r["pendingPostponement"] is JsonObject, Soon);
        await ConflictAsync(partner.PostJsonAsync($"/registry/requests/{id}/preservation-measures", new { measures = "Seal the room" }),
            "preservation-not-applicable");
    }

    [Fact]
    public async Task Art95_after_the_Courts_order_that_evidence_collection_continue_the_State_cannot_postpone_on_95()
    {
        using var partner = Desks.Create(platform);
        var id = await DeliveredRequestAsync(partner, "/prosecutor", OtherAssistance("ZAF"), "ZAF");
        await Ok(partner.PostJsonAsync($"/states/ZAF/requests/{id}/acknowledge", new { acknowledgedBy = "Central authority" }));

        using (var bad = await partner.PostJsonAsync($"/prosecutor/requests/{id}/evidence-collection-order", new { }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal(["reference"], (await bad.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key).ToArray());
        }
        await Ok(partner.PostJsonAsync($"/prosecutor/requests/{id}/evidence-collection-order", new { reference = "ICC-01/99-01/26-90" }));
        var atState = await partner.WaitForAsync($"/states/ZAF/requests/{id}",
            r => (bool?)r["admissibility"]?["evidenceCollectionOrdered"] == true, Soon);
        Assert.Equal("ICC-01/99-01/26-90", (string)atState["admissibility"]!["evidenceCollectionOrderReference"]!);

        await ConflictAsync(partner.PostJsonAsync($"/states/ZAF/requests/{id}/postpone", new { ground = "AdmissibilityChallenge" }),
            "evidence-collection-ordered");
        Assert.Equal("Acknowledged", (string)(await partner.GetFromJsonObjectAsync($"/states/ZAF/requests/{id}"))["status"]!);
    }

    [Fact]
    public async Task Art95_the_admissibility_ruling_ends_the_postponement_and_execution_proceeds_on_both_sides()
    {
        using var partner = Desks.Create(platform);
        var id = await DeliveredRequestAsync(partner, "/registry", Samples.ArrestAndSurrender("UGA"), "UGA");
        await Ok(partner.PostJsonAsync($"/states/UGA/requests/{id}/acknowledge", new { acknowledgedBy = "Central authority" }));
        var ruling = $"/registry/requests/{id}/admissibility-ruling";
        // No postponement on 89(2) or 95 yet: the ruling has nothing to end.
        await ConflictAsync(partner.PostJsonAsync(ruling, new { admissible = true, reference = "ICC-01/99-01/26-91" }), "illegal-transition");

        await Ok(partner.PostJsonAsync($"/states/UGA/requests/{id}/postpone", new { ground = "AdmissibilityChallenge" }));
        await StatusAsync(partner, $"/registry/requests/{id}", "Postponed");

        using (var bad = await partner.PostJsonAsync(ruling, new { reference = "" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal(["admissible", "reference"], (await bad.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key).Order().ToArray());
        }
        await Ok(partner.PostJsonAsync(ruling, new { admissible = true, reference = "ICC-01/99-01/26-91" }));
        var atRegistry = await partner.GetFromJsonObjectAsync($"/registry/requests/{id}");
        Assert.Equal("Acknowledged", (string)atRegistry["status"]!);
        Assert.False((bool)atRegistry["dutyToExecuteSuspended"]!);
        Assert.Equal("ICC-01/99-01/26-91", (string)atRegistry["admissibility"]!["admissibilityRulingReference"]!);
        var atState = await StatusAsync(partner, $"/states/UGA/requests/{id}", "Acknowledged");
        Assert.Contains(atState["history"]!.AsArray(), h => (string)h!["what"]! == "admissibility-ruled");
        Assert.Equal("ICC-01/99-01/26-91", (string)atState["admissibility"]!["admissibilityRulingReference"]!);
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
