using System.Net;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Consultations;
using Cooperation.EndToEnd.Tests.Platform;
using static Cooperation.EndToEnd.Tests.Consultations.ConsultationSamples;

namespace Cooperation.EndToEnd.Tests.Requests;

/// <summary>
/// Art 87(1)(b): a request also transmitted through INTERPOL or a regional organisation (Italy 2025: a Red Notice
/// beside urgent provisional-arrest requests), recorded on the request and shown on both sides, evidence unchanged.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class OrganisationChannelTests(PlatformFixture platform)
{
    [Fact]
    public async Task Art87_1_b_an_INTERPOL_transmission_beside_the_designated_channel_is_shown_on_both_sides_evidence_unchanged()
    {
        using var partner = Desks.Create(platform);
        var id = await DeliveredRequestAsync(partner, "/registry", Samples.Complete("ProvisionalArrest", "UGA"), "UGA");
        var before = await partner.GetFromJsonObjectAsync($"/registry/requests/{id}");
        var transmissions = $"/registry/requests/{id}/organisation-transmissions";

        using (var bad = await partner.PostJsonAsync(transmissions, new { channel = "RegionalOrganisation", reference = new string('r', 201) }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal(["organisation", "reference"],
                (await bad.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key).Order().ToArray());
        }

        await Ok(partner.PostJsonAsync(transmissions, new { channel = "Interpol", reference = "A-1234/1-2026" }));
        var atRegistry = await partner.GetFromJsonObjectAsync($"/registry/requests/{id}");
        var recorded = atRegistry["organisationTransmissions"]!.AsArray().Single()!;
        Assert.Equal("Interpol", (string)recorded["channel"]!);
        Assert.Equal("A-1234/1-2026", (string)recorded["reference"]!);
        // Status and evidence are those of the designated channel's transmission.
        Assert.Equal((string)before["status"]!, (string)atRegistry["status"]!);
        Assert.Equal(before["evidence"]!.ToJsonString(), atRegistry["evidence"]!.ToJsonString());
        Assert.Contains(atRegistry["history"]!.AsArray(), h => (string)h!["what"]! == "organisation-transmission-recorded");

        var atState = await partner.WaitForAsync($"/states/UGA/requests/{id}",
            r => r["organisationTransmissions"] is JsonArray { Count: 1 }, Soon);
        Assert.Equal("Interpol", (string)atState["organisationTransmissions"]![0]!["channel"]!);
        Assert.Equal("Delivered", (string)atState["status"]!);
    }

    [Fact]
    public async Task Art87_1_b_is_without_prejudice_to_the_designated_channel_a_draft_cannot_go_through_an_organisation_alone()
    {
        using var partner = Desks.Create(platform);
        using var drafted = await partner.PostJsonAsync("/registry/requests", Samples.Complete("ProvisionalArrest", "UGA"));
        var id = (string)(await drafted.ReadObjectAsync())["id"]!;
        using var response = await partner.PostJsonAsync($"/registry/requests/{id}/organisation-transmissions",
            new { channel = "RegionalOrganisation", organisation = "AFRIPOL" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.EndsWith("/illegal-transition", (string)(await response.ReadObjectAsync())["type"]!);
        Assert.Empty((await partner.GetFromJsonObjectAsync($"/registry/requests/{id}"))["organisationTransmissions"]!.AsArray());
    }

    private static async Task Ok(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        Assert.True(response.IsSuccessStatusCode,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
