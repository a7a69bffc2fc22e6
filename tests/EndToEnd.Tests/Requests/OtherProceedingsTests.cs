using System.Net;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Consultations;
using Cooperation.EndToEnd.Tests.Platform;
using static Cooperation.EndToEnd.Tests.Consultations.ConsultationSamples;

namespace Cooperation.EndToEnd.Tests.Requests;

/// <summary>
/// Art 89(4), RPE 183: the person sought is proceeded against in the requested State for a different crime. The
/// State consults the Court, then surrenders temporarily on agreed conditions or defers; a temporarily surrendered
/// person comes back and the final surrender follows. Through the gateway, both sides agreeing.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class OtherProceedingsTests(PlatformFixture platform)
{
    [Fact]
    public async Task Art89_4_RPE183_temporary_surrender_on_agreed_conditions_after_consulting_then_return_and_final_surrender()
    {
        using var partner = Desks.Create(platform);
        var id = await DeliveredRequestAsync(partner, "/registry", Samples.ArrestAndSurrender("UGA"), "UGA");
        var arrest = $"/states/UGA/requests/{id}/arrest";
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd");

        await Ok(partner.PostJsonAsync(arrest, new { arrestDate = Day(0) }));
        // Art 89(4): the consultation comes after the decision to grant the request.
        await ConflictAsync(partner.PostJsonAsync(arrest + "/deferral", new { on = Day(1) }), "surrender-order-required");
        await Ok(partner.PostJsonAsync(arrest + "/surrender-order", new { on = Day(1) }));
        // Without a consultation on the 89(4) ground, neither deferral nor temporary surrender.
        await ConflictAsync(partner.PostJsonAsync(arrest + "/temporary-surrender", new { on = Day(2), conditions = "Custody at the Court" }),
            "consultation-required");
        await OpenAtStateAsync(partner, "UGA", id, OpenBody("OtherProceedings"));

        // Bad input names every invalid field and changes nothing.
        using (var bad = await partner.PostJsonAsync(arrest + "/temporary-surrender", new { conditions = " " }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var errors = (await bad.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key).ToArray();
            Assert.Contains("on", errors);
            Assert.Contains("conditions", errors);
        }
        Assert.Equal("Arrested", (string)(await partner.GetFromJsonObjectAsync(arrest))["stage"]!);

        const string conditions = "Kept in custody at the Court; returned within 30 days of the confirmation hearing";
        await Ok(partner.PostJsonAsync(arrest + "/temporary-surrender", new { on = Day(2), conditions }));
        var atRegistry = await partner.WaitForAsync($"/registry/requests/{id}/arrest",
            a => (string)a["stage"]! == "TemporarilySurrendered", Soon);
        Assert.Equal(conditions, (string)atRegistry["temporarySurrenderConditions"]!);
        Assert.Equal(Day(2), (string)atRegistry["temporarilySurrenderedOn"]!);
        // A temporary surrender is not the surrender.
        await ConflictAsync(partner.PostJsonAsync(arrest + "/surrender", new { surrenderedOn = Day(3) }), "illegal-transition");

        // RPE 183: back to the requested State; surrender is then deferred until the national case ends (Art 89(4)).
        await Ok(partner.PostJsonAsync(arrest + "/return", new { on = Day(40) }));
        atRegistry = await partner.WaitForAsync($"/registry/requests/{id}/arrest", a => (string)a["stage"]! == "SurrenderDeferred", Soon);
        Assert.Equal(Day(40), (string)atRegistry["returnedOn"]!);
        var history = (await partner.GetFromJsonObjectAsync($"/registry/requests/{id}"))["history"]!.AsArray()
            .Select(h => (string)h!["what"]!).ToArray();
        Assert.Contains("arrest path: temporarily-surrendered", history);
        Assert.Contains("arrest path: returned-after-temporary-surrender", history);

        await Ok(partner.PostJsonAsync(arrest + "/surrender-arrangement", new { surrenderDate = Day(400) }));
        await Ok(partner.PostJsonAsync(arrest + "/surrender", new { surrenderedOn = Day(400) }));
        await partner.WaitForAsync($"/registry/requests/{id}/arrest", a => (string)a["stage"]! == "Surrendered", Soon);
    }

    [Fact]
    public async Task Art89_4_surrender_deferred_after_consulting_is_shown_at_the_Registry()
    {
        using var partner = Desks.Create(platform);
        var id = await DeliveredRequestAsync(partner, "/registry", Samples.ArrestAndSurrender("UGA"), "UGA");
        var arrest = $"/states/UGA/requests/{id}/arrest";
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd");

        await Ok(partner.PostJsonAsync(arrest, new { arrestDate = Day(0) }));
        await Ok(partner.PostJsonAsync(arrest + "/surrender-order", new { on = Day(1) }));
        await OpenAtStateAsync(partner, "UGA", id, OpenBody("OtherProceedings"));
        using (var backwards = await partner.PostJsonAsync(arrest + "/deferral", new { expectedUntil = Day(-5) }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
            Assert.Contains("on", (await backwards.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key));
        }
        await Ok(partner.PostJsonAsync(arrest + "/deferral", new { on = Day(2), expectedUntil = Day(300) }));
        var atRegistry = await partner.WaitForAsync($"/registry/requests/{id}/arrest", a => (string)a["stage"]! == "SurrenderDeferred", Soon);
        Assert.Equal(Day(2), (string)atRegistry["surrenderDeferredOn"]!);
        Assert.Equal(Day(300), (string)atRegistry["deferredUntil"]!);
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
