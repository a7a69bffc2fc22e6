using System.Net;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Platform;
using Cooperation.EndToEnd.Tests.Requests;
using static Cooperation.EndToEnd.Tests.Consultations.ConsultationSamples;

namespace Cooperation.EndToEnd.Tests.Consultations;

/// <summary>
/// Art 97 consultations over the real broker, every call through the gateway: a State raises an obstacle
/// on an arrest request, the Registry answers and closes it by sending a modified version 2, which the
/// State receives together with the list of what changed.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ConsultationFlowTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_state_consults_the_registry_on_an_arrest_request_and_receives_version_2_with_what_changed()
    {
        using var partner = Desks.Create(platform);
        var id = await DeliveredRequestAsync(partner, "/registry", Samples.ArrestAndSurrender("UGA"), "UGA");

        // The State opens the consultation two hours after meeting the obstacle.
        var recorded = DateTimeOffset.UtcNow.AddHours(-2).ToString("O");
        var opened = await OpenAtStateAsync(partner, "UGA", id, OpenBody("PersonNotLocated", recorded));
        var cid = (string)opened["id"]!;
        Assert.Equal("Open", (string)opened["status"]!);
        Assert.Equal("InConsultation", (string)opened["requestStatus"]!);
        Assert.Equal("Registry", (string)opened["issuingOrgan"]!);
        Assert.False((bool)opened["dutyToExecute"]!["suspended"]!);
        Assert.Contains("NOT suspended", (string)opened["dutyToExecute"]!["statement"]!);
        Assert.Equal(DateTimeOffset.Parse(recorded), DateTimeOffset.Parse((string)opened["serviceLevel"]!["measuredFrom"]!));
        Assert.Empty(opened["serviceLevel"]!["breaches"]!.AsArray());

        // The Registry (issuer of this Chambers' request) sees it, with the same plain statement.
        await StatusAsync(partner, $"/registry/requests/{id}", "InConsultation");
        var atRegistry = await partner.WaitForAsync($"/registry/requests/{id}/consultations/{cid}", _ => true, Soon);
        Assert.Equal("97(b)", (string)atRegistry["grounds"]![0]!["basis"]!);
        Assert.False((bool)atRegistry["dutyToExecute"]!["suspended"]!);
        Assert.Contains("NOT suspended", (string)atRegistry["dutyToExecute"]!["statement"]!);

        // Messages both ways, with attachment metadata.
        using var fromState = await partner.PostJsonAsync($"/states/UGA/requests/{id}/consultations/{cid}/messages", new
        {
            text = "Last seen near the border crossing.",
            classification = "Confidential",
            attachments = new[] { new { name = "report.pdf", size = 12345, sha256 = new string('c', 64) } },
        });
        Assert.Equal(HttpStatusCode.Created, fromState.StatusCode);
        await partner.WaitForAsync($"/registry/requests/{id}/consultations/{cid}", c => c["messages"]!.AsArray().Count == 1, Soon);
        using var answer = await partner.PostJsonAsync($"/registry/requests/{id}/consultations/{cid}/messages",
            new { text = "A new probable location follows in a modified request.", classification = "Confidential" });
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        var answered = await partner.WaitForAsync($"/states/UGA/requests/{id}/consultations/{cid}", c => c["messages"]!.AsArray().Count == 2, Soon);
        Assert.NotNull(answered["serviceLevel"]!["firstCourtAnswerAt"]);
        Assert.Equal("Registry", (string)answered["messages"]![1]!["authorOrgan"]!);
        Assert.Equal("report.pdf", (string)answered["messages"]![0]!["attachments"]![0]!["name"]!);

        // Modified: the Registry sends version 2, which closes the consultation.
        var contents = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Samples.ArrestAndSurrender("UGA"), Json.Options))!["contents"]!.AsObject();
        contents["probableLocation"] = "Northern province, farm known to the central authority";
        using var modified = await partner.PostJsonAsync($"/registry/requests/{id}/modify", new { contents, consultationId = cid, note = "New location" });
        var modifiedBody = await modified.ReadObjectAsync();
        Assert.True(modified.StatusCode == HttpStatusCode.OK, modifiedBody.ToJsonString());
        Assert.Equal(2, (int)modifiedBody["request"]!["version"]!);
        Assert.Equal(["contents.probableLocation"], modifiedBody["changedElements"]!.AsArray().Select(e => (string)e!).ToArray());

        // The State receives version 2 and sees what changed, in the closed consultation.
        var v2 = await partner.WaitForAsync($"/states/UGA/requests/{id}", r => (int)r["version"]! == 2, Soon);
        Assert.Equal("Delivered", (string)v2["status"]!);
        Assert.Equal("Northern province, farm known to the central authority", (string)v2["contents"]!["probableLocation"]!);
        var closed = await partner.WaitForAsync($"/states/UGA/requests/{id}/consultations/{cid}", c => (string)c["status"]! == "Closed", Soon);
        Assert.Equal("Modified", (string)closed["outcome"]!["outcome"]!);
        Assert.Equal(2, (int)closed["outcome"]!["newVersion"]!);
        Assert.Equal(["contents.probableLocation"], closed["outcome"]!["changedElements"]!.AsArray().Select(e => (string)e!).ToArray());
        Assert.False((bool)closed["dutyToExecute"]!["suspended"]!);

        var atCourt = await partner.WaitForAsync($"/registry/requests/{id}", r => (string)r["status"]! == "Delivered" && (int)r["version"]! == 2, Soon);
        Assert.Contains(atCourt["history"]!.AsArray(), h => (string)h!["what"]! == "request-modified" && (int)h["version"]! == 2);
    }

    [Fact]
    public async Task A_consultation_on_a_prosecutor_request_goes_to_the_prosecutor_not_the_registry()
    {
        using var partner = Desks.Create(platform);
        var id = await DeliveredRequestAsync(partner, "/prosecutor", OtherAssistance("ZAF"), "ZAF");

        var opened = await OpenAtStateAsync(partner, "ZAF", id, OpenBody("ThirdPartyControl"));
        var cid = (string)opened["id"]!;
        Assert.Equal("Prosecutor", (string)opened["issuingOrgan"]!);
        // Art 97 suspends nothing, for other assistance too.
        Assert.False((bool)opened["dutyToExecute"]!["suspended"]!);
        Assert.Contains("Art 97", (string)opened["dutyToExecute"]!["statement"]!);

        await StatusAsync(partner, $"/prosecutor/requests/{id}", "InConsultation");
        var atProsecutor = await partner.WaitForAsync($"/prosecutor/requests/{id}/consultations/{cid}", _ => true, Soon);
        Assert.Equal("93(9)(b)", (string)atProsecutor["grounds"]![0]!["basis"]!);
        using (var atRegistry = await partner.GetAsync($"/registry/requests/{id}/consultations"))
            Assert.Equal(HttpStatusCode.NotFound, atRegistry.StatusCode);

        // The Prosecutor redirects (Art 93(9)(b)): the request ends as Withdrawn on both sides.
        using var closed = await partner.PostJsonAsync($"/prosecutor/requests/{id}/consultations/{cid}/close", new { outcome = "Redirected" });
        Assert.True(closed.StatusCode == HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
        await StatusAsync(partner, $"/prosecutor/requests/{id}", "Withdrawn");
        await StatusAsync(partner, $"/states/ZAF/requests/{id}", "Withdrawn");
        using var summary = await partner.GetAsync("/prosecutor/consultations/service-levels");
        var rows = (await summary.ReadObjectAsync())["states"]!.AsArray();
        Assert.Contains(rows, r => (string)r!["stateCode"]! == "ZAF" && (string)r["organ"]! == "Prosecutor" && (int)r["consultations"]! >= 1);
    }

    [Theory]
    [InlineData("Resumed", "Delivered")]
    [InlineData("Redirected", "Withdrawn")]
    [InlineData("Postponed", "Postponed")]
    [InlineData("Withdrawn", "Withdrawn")]
    public async Task Closing_with_an_outcome_sets_the_same_status_on_both_sides(string outcome, string status)
    {
        using var partner = Desks.Create(platform);
        var id = await DeliveredRequestAsync(partner, "/registry", OtherAssistance("UGA"), "UGA");
        var cid = (string)(await OpenAtStateAsync(partner, "UGA", id, OpenBody("ThirdPartyControl")))["id"]!;
        await StatusAsync(partner, $"/registry/requests/{id}", "InConsultation");

        using var closed = await partner.PostJsonAsync($"/registry/requests/{id}/consultations/{cid}/close",
            new { outcome, ground = outcome == "Postponed" ? "NationalProceedings" : null, periodDays = outcome == "Postponed" ? 30 : (int?)null });
        var body = await closed.ReadObjectAsync();
        Assert.True(closed.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        Assert.Equal(outcome, (string)body["outcome"]!["outcome"]!);
        Assert.Equal(status, (string)body["requestStatus"]!);

        await StatusAsync(partner, $"/registry/requests/{id}", status);
        await StatusAsync(partner, $"/states/UGA/requests/{id}", status);
        var atState = await partner.WaitForAsync($"/states/UGA/requests/{id}/consultations/{cid}", c => (string)c["status"]! == "Closed", Soon);
        Assert.Equal(outcome, (string)atState["outcome"]!["outcome"]!);
        if (outcome == "Postponed")
        {
            // The agreed period expires into a reminder: a PostponementEnds deadline at the Registry.
            var deadlines = await partner.WaitForAsync($"/registry/requests/{id}", _ => true, Soon);
            using var list = await partner.GetAsync($"/registry/requests/{id}/deadlines");
            var kinds = System.Text.Json.Nodes.JsonNode.Parse(await list.Content.ReadAsStringAsync())!.AsArray().Select(d => (string)d!["kind"]!);
            Assert.Contains("PostponementEnds", kinds);
            Assert.Equal("NationalProceedings", (string)atState["outcome"]!["postponementGround"]!);
        }
    }

    [Fact]
    public async Task Modified_is_not_a_close_outcome_and_an_illegal_close_changes_nothing()
    {
        using var partner = Desks.Create(platform);
        var id = await DeliveredRequestAsync(partner, "/registry", Samples.ArrestAndSurrender("UGA"), "UGA");
        var cid = (string)(await OpenAtStateAsync(partner, "UGA", id, OpenBody()))["id"]!;
        await StatusAsync(partner, $"/registry/requests/{id}", "InConsultation");

        using var modified = await partner.PostJsonAsync($"/registry/requests/{id}/consultations/{cid}/close", new { outcome = "Modified" });
        Assert.Equal(HttpStatusCode.BadRequest, modified.StatusCode);
        // Redirection needs the 93(9)(b) ground and a request for other assistance: 409, nothing changed.
        using var redirected = await partner.PostJsonAsync($"/registry/requests/{id}/consultations/{cid}/close", new { outcome = "Redirected" });
        Assert.Equal(HttpStatusCode.Conflict, redirected.StatusCode);
        Assert.Equal("application/problem+json", redirected.Content.Headers.ContentType?.MediaType);
        // An arrest request cannot be postponed on Art 94.
        using var postponed = await partner.PostJsonAsync($"/registry/requests/{id}/consultations/{cid}/close",
            new { outcome = "Postponed", ground = "NationalProceedings", periodDays = 10 });
        Assert.Equal(HttpStatusCode.BadRequest, postponed.StatusCode);
        Assert.Contains("ground", (await postponed.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key));

        var consultation = await partner.WaitForAsync($"/registry/requests/{id}/consultations/{cid}", _ => true, Soon);
        Assert.Equal("Open", (string)consultation["status"]!);
        Assert.Equal("InConsultation", (string)consultation["requestStatus"]!);
        // A second consultation while one is open is refused too.
        using var again = await partner.PostJsonAsync($"/states/UGA/requests/{id}/consultations", OpenBody());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Invalid_openings_and_messages_list_every_invalid_field_and_unknown_ids_answer_404()
    {
        using var partner = Desks.Create(platform);
        var id = await DeliveredRequestAsync(partner, "/registry", Samples.ArrestAndSurrender("UGA"), "UGA");

        using var empty = await partner.PostJsonAsync($"/states/UGA/requests/{id}/consultations", new { grounds = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(["description", "grounds"], Keys(await empty.ReadObjectAsync()));

        using var other = await partner.PostJsonAsync($"/states/UGA/requests/{id}/consultations", new
        {
            grounds = new[] { "Other", "Other" },
            description = "x",
            problemRecordedAt = DateTimeOffset.UtcNow.AddDays(2),
            replyBy = "2000-01-01",
        });
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Equal(["grounds[1]", "otherGroundText", "problemRecordedAt", "replyBy"], Keys(await other.ReadObjectAsync()));

        using var unknownGround = await partner.PostJsonAsync($"/states/UGA/requests/{id}/consultations", new { grounds = new[] { "Boredom" }, description = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownGround.StatusCode);

        // Nothing was opened by the refused attempts.
        var request = await partner.WaitForAsync($"/states/UGA/requests/{id}", _ => true, Soon);
        Assert.Equal("Delivered", (string)request["status"]!);

        var cid = (string)(await OpenAtStateAsync(partner, "UGA", id, OpenBody()))["id"]!;
        using var badMessage = await partner.PostJsonAsync($"/states/UGA/requests/{id}/consultations/{cid}/messages", new
        {
            attachments = new object[] { new { name = "", size = -1, sha256 = "xyz" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, badMessage.StatusCode);
        Assert.Equal(["attachments[0].name", "attachments[0].sha256", "attachments[0].size", "classification", "text"],
            Keys(await badMessage.ReadObjectAsync()));

        foreach (var path in new[]
                 {
                     $"/states/UGA/requests/{id}/consultations/{Guid.NewGuid()}", $"/registry/requests/{id}/consultations/{Guid.NewGuid()}",
                     $"/registry/requests/{Guid.NewGuid()}/consultations", $"/states/UGA/requests/{Guid.NewGuid()}/consultations",
                     $"/states/ZAF/requests/{id}/consultations/{cid}",
                 })
        {
            using var response = await partner.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, path);
        }
    }

    [Theory]
    [MemberData(nameof(Grounds))]
    public async Task Every_ground_opens_a_consultation_seen_in_consultation_on_both_sides(string ground, string basis)
    {
        using var partner = Desks.Create(platform);
        var id = await DeliveredRequestAsync(partner, "/registry", OtherAssistance("ZAF"), "ZAF");
        var opened = await OpenAtStateAsync(partner, "ZAF", id, OpenBody(ground));
        Assert.Equal("InConsultation", (string)opened["requestStatus"]!);
        var atRegistry = await partner.WaitForAsync($"/registry/requests/{id}/consultations/{(string)opened["id"]!}", _ => true, Soon);
        Assert.Equal(ground, (string)atRegistry["grounds"]![0]!["ground"]!);
        Assert.Equal(basis, (string)atRegistry["grounds"]![0]!["basis"]!);
        Assert.Equal("InConsultation", (string)atRegistry["requestStatus"]!);
        await StatusAsync(partner, $"/states/ZAF/requests/{id}", "InConsultation");
    }

    public static TheoryData<string, string> Grounds => new()
    {
        { "InsufficientInformation", "97(a)" }, { "PersonNotLocated", "97(b)" }, { "WrongPerson", "97(b)" },
        { "TreatyConflict", "97(c)" }, { "NeBisInIdem", "89(2)" }, { "OtherProceedings", "89(4)" },
        { "CompetingRequest", "90, 93(9)(a)" }, { "ThirdPartyControl", "93(9)(b)" }, { "FundamentalPrinciple", "93(3)" },
        { "NationalSecurity", "93(4), 72" }, { "Immunity", "98" }, { "Other", "—" }, { "DirectExecutionProblem", "99(4)(b)" },
    };

    [Fact]
    public async Task The_registry_may_open_a_consultation_and_the_state_sees_it()
    {
        using var partner = Desks.Create(platform);
        var id = await DeliveredRequestAsync(partner, "/registry", Samples.ArrestAndSurrender("UGA"), "UGA");
        using var opened = await partner.PostJsonAsync($"/registry/requests/{id}/consultations", OpenBody("InsufficientInformation"));
        var body = await opened.ReadObjectAsync();
        Assert.True(opened.StatusCode == HttpStatusCode.Created, body.ToJsonString());
        Assert.Equal("Registry", (string)body["openedBy"]!);
        var atState = await partner.WaitForAsync($"/states/UGA/requests/{id}/consultations/{(string)body["id"]!}", _ => true, Soon);
        Assert.Equal("InConsultation", (string)atState["requestStatus"]!);
        Assert.False((bool)atState["dutyToExecute"]!["suspended"]!);
    }

    [Fact]
    public void The_theories_cover_every_ground_and_every_outcome_of_the_domain()
    {
        Assert.Equal(Enum.GetNames<Cooperation.Consultations.ConsultationGround>().Order(),
            Grounds.Select(row => (string)row[0]).Order());
        // Modified is covered by the version-2 flow above; the others by the close theory.
        var closeOutcomes = typeof(ConsultationFlowTests).GetMethod(nameof(Closing_with_an_outcome_sets_the_same_status_on_both_sides))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>().Select(a => (string)a.GetData(null!).Single()[0]);
        Assert.Equal(Enum.GetNames<Cooperation.Consultations.ConsultationOutcome>().Order(), closeOutcomes.Append("Modified").Order());
    }

    private static string[] Keys(JsonObject problem) =>
        problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal).ToArray();
}
