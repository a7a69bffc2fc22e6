using System.Net;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Consultations;
using Cooperation.EndToEnd.Tests.Platform;
using static Cooperation.EndToEnd.Tests.Consultations.ConsultationSamples;

namespace Cooperation.EndToEnd.Tests.Requests;

/// <summary>
/// Art 90 competing extradition requests, through the gateway and the real broker: the State's notification (90(1)),
/// the Court's admissibility determination with reference and date, the priority it gives (90(2)-(7)) and the lawful
/// end "extradited instead" where the rules allow it.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CompetingExtraditionTests(PlatformFixture platform)
{
    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");

    [Fact]
    public async Task Art90_1_and_3_notified_then_no_extradition_until_the_Court_determines_inadmissibility_then_extradited_instead()
    {
        using var partner = Desks.Create(platform);
        var id = await DeliveredRequestAsync(partner, "/registry", Samples.ArrestAndSurrender("UGA"), "UGA");
        var competing = $"/states/UGA/requests/{id}/competing-extradition";

        // Bad input names every missing field and notifies nothing.
        using (var bad = await partner.PostJsonAsync(competing, new { requestingState = "uga" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var errors = (await bad.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key).ToArray();
            Assert.Equal(["obligationToExtradite", "receivedOn", "requestingState", "requestingStateIsParty", "sameConduct"], errors.Order().ToArray());
        }
        Assert.Null((await partner.GetFromJsonObjectAsync($"/states/UGA/requests/{id}"))["competingExtradition"]);

        await Ok(partner.PostJsonAsync(competing, new
        {
            requestingState = "ken", requestingStateIsParty = true, sameConduct = true, obligationToExtradite = false,
            receivedOn = Today, requestingStateNotified = true,
        }));
        var atRegistry = await partner.WaitForAsync($"/registry/requests/{id}", r => r["competingExtradition"] is JsonObject, Soon);
        var view = atRegistry["competingExtradition"]!;
        Assert.Equal("KEN", (string)view["requestingState"]!);
        Assert.Equal("AwaitingDetermination", (string)view["priority"]!);
        Assert.Equal("Art 90(3)", (string)view["article"]!);
        Assert.Equal("Delivered", (string)atRegistry["status"]!);
        Assert.Contains(atRegistry["history"]!.AsArray(), h => (string)h!["what"]! == "competing-extradition-notified");

        // Art 90(3): the State may not extradite before the Court's determination.
        await ConflictAsync(partner.PostJsonAsync(competing + "/extradited", new { on = Today }), "determination-pending");

        // The determination, with reference and date; bad input names every invalid field.
        var admissibility = $"/registry/requests/{id}/competing-extradition/admissibility";
        using (var bad = await partner.PostJsonAsync(admissibility, new { reference = " " }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var errors = (await bad.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key).ToArray();
            Assert.Equal(["admissible", "on", "reference"], errors.Order().ToArray());
        }
        await Ok(partner.PostJsonAsync(admissibility, new { admissible = false, reference = "ICC-01/99-01/26-80", on = Today }));
        var atState = await partner.WaitForAsync($"/states/UGA/requests/{id}",
            r => r["competingExtradition"]?["determination"] is JsonObject, Soon);
        Assert.Equal("ICC-01/99-01/26-80", (string)atState["competingExtradition"]!["determination"]!["reference"]!);
        Assert.Equal(Today, (string)atState["competingExtradition"]!["determination"]!["on"]!);
        Assert.Equal("StateMayExtradite", (string)atState["competingExtradition"]!["priority"]!);

        await Ok(partner.PostJsonAsync(competing + "/extradited", new { on = Today }));
        var ended = await StatusAsync(partner, $"/registry/requests/{id}", "ExtraditedInstead");
        Assert.Contains(ended["history"]!.AsArray(), h => (string)h!["what"]! == "extradited-instead");
        await StatusAsync(partner, $"/states/UGA/requests/{id}", "ExtraditedInstead");
    }

    [Fact]
    public async Task Art90_2_an_admissible_case_gives_the_Court_priority_and_extradition_instead_is_refused()
    {
        using var partner = Desks.Create(platform);
        var id = await DeliveredRequestAsync(partner, "/registry", Samples.ArrestAndSurrender("UGA"), "UGA");
        var competing = $"/states/UGA/requests/{id}/competing-extradition";
        await Ok(partner.PostJsonAsync(competing, new
        {
            requestingState = "KEN", requestingStateIsParty = true, sameConduct = true, obligationToExtradite = false, receivedOn = Today,
        }));
        await partner.WaitForAsync($"/registry/requests/{id}", r => r["competingExtradition"] is JsonObject, Soon);
        await Ok(partner.PostJsonAsync($"/registry/requests/{id}/competing-extradition/admissibility",
            new { admissible = true, reference = "ICC-01/99-01/26-81", on = Today }));
        await partner.WaitForAsync($"/states/UGA/requests/{id}",
            r => (string?)r["competingExtradition"]?["priority"] == "CourtRequest", Soon);

        await ConflictAsync(partner.PostJsonAsync(competing + "/extradited", new { on = Today }), "court-request-has-priority");
        Assert.Equal("Delivered", (string)(await partner.GetFromJsonObjectAsync($"/states/UGA/requests/{id}"))["status"]!);
        // The determination is recorded once.
        await ConflictAsync(partner.PostJsonAsync($"/registry/requests/{id}/competing-extradition/admissibility",
            new { admissible = false, reference = "ICC-01/99-01/26-82", on = Today }), "determination-already-recorded");
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
