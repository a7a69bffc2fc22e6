using System.Net;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Platform;
using Cooperation.EndToEnd.Tests.Requests;
using static Cooperation.EndToEnd.Tests.Consultations.ConsultationSamples;

namespace Cooperation.EndToEnd.Tests.Consultations;

/// <summary>The arrest path with its RPE 188 timer, and "without delay" measured, on the real platform.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ArrestAndServiceLevelTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_states_arrest_notification_starts_the_60_day_documents_deadline_at_the_registry()
    {
        using var partner = Desks.Create(platform);
        var id = await DeliveredRequestAsync(partner, "/registry", new
        {
            kind = "ProvisionalArrest",
            stateCode = "UGA",
            classification = "UnderSeal",
            language = "en",
            contents = new
            {
                person = new { name = "Fictitious Person C", description = "Short" },
                probableLocation = "Airport hotel",
                facts = "Art 7 crimes",
                warrantExistsStatement = true,
                surrenderRequestWillFollow = true,
            },
        }, "UGA");

        var arrestDate = DateOnly.FromDateTime(DateTime.UtcNow);
        using var arrested = await partner.PostJsonAsync($"/states/UGA/requests/{id}/arrest", new { arrestDate = arrestDate.ToString("yyyy-MM-dd") });
        var path = await arrested.ReadObjectAsync();
        Assert.True(arrested.StatusCode == HttpStatusCode.OK, path.ToJsonString());
        Assert.Equal("AwaitingDocuments", (string)path["stage"]!);
        var due = new DateTimeOffset(arrestDate.AddDays(61).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        Assert.Equal(due, DateTimeOffset.Parse((string)path["documentsDueAt"]!));

        var atRegistry = await partner.WaitForAsync($"/registry/requests/{id}/arrest", a => (string)a["stage"]! == "AwaitingDocuments", Soon);
        Assert.Equal(arrestDate.ToString("yyyy-MM-dd"), (string)atRegistry["arrestDate"]!);
        using var deadlines = await partner.GetAsync($"/registry/requests/{id}/deadlines");
        var deadline = JsonNode.Parse(await deadlines.Content.ReadAsStringAsync())!.AsArray().Single(d => (string)d!["kind"]! == "SurrenderDocuments")!;
        Assert.Equal(due, DateTimeOffset.Parse((string)deadline["dueAt"]!));
        Assert.Equal([due.AddDays(-7), due.AddDays(-1)], deadline["reminders"]!.AsArray().Select(r => DateTimeOffset.Parse((string)r!)).ToArray());
        Assert.Null(deadline["firedAt"]);

        // Surrender arranged on consent: the documents are no longer awaited, so the timer is cancelled.
        using var arranged = await partner.PostJsonAsync($"/states/UGA/requests/{id}/arrest/surrender-arrangement",
            new { surrenderDate = arrestDate.AddDays(5).ToString("yyyy-MM-dd"), consentToSurrender = true });
        Assert.Equal(HttpStatusCode.OK, arranged.StatusCode);
        await partner.WaitForAsync($"/registry/requests/{id}/arrest", a => (string)a["stage"]! == "SurrenderArranged", Soon);
        using var after = await partner.GetAsync($"/registry/requests/{id}/deadlines");
        Assert.NotNull(JsonNode.Parse(await after.Content.ReadAsStringAsync())!.AsArray().Single()!["cancelledAt"]);

        // A step the arrest path does not allow: 409, nothing changed.
        using var again = await partner.PostJsonAsync($"/states/UGA/requests/{id}/arrest/release", new { releasedOn = arrestDate.ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_provisional_arrest_owes_no_confirmation_and_an_early_release_is_interim_release_Art_92_3_59()
    {
        using var partner = Desks.Create(platform);
        var id = await DeliveredRequestAsync(partner, "/registry", Samples.Complete("ProvisionalArrest", "UGA"), "UGA");

        // Art 92: no confirmation is owed; its follow-up is the surrender request and documents (RPE 188).
        var atRegistry = await partner.GetFromJsonObjectAsync($"/registry/requests/{id}");
        Assert.False((bool)atRegistry["confirmationDue"]!);
        using var confirm = await partner.PostAsync($"/registry/requests/{id}/confirm", null);
        Assert.Equal(HttpStatusCode.Conflict, confirm.StatusCode);
        Assert.EndsWith("/confirmation-not-required", (string)(await confirm.ReadObjectAsync())["type"]!);

        var arrestDate = DateOnly.FromDateTime(DateTime.UtcNow);
        using var arrested = await partner.PostJsonAsync($"/states/UGA/requests/{id}/arrest", new { arrestDate = arrestDate.ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.OK, arrested.StatusCode);
        using var brought = await partner.PostJsonAsync($"/states/UGA/requests/{id}/arrest/judicial-authority", new { on = arrestDate.ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.OK, brought.StatusCode);

        // Art 92(3): before the 60 days have run, a release is not lawful as such; nothing changes.
        using var early = await partner.PostJsonAsync($"/states/UGA/requests/{id}/arrest/release", new { releasedOn = arrestDate.AddDays(3).ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        var problem = await early.ReadObjectAsync();
        Assert.EndsWith("/release-before-period-ends", (string)problem["type"]!);
        Assert.Contains("Art 59(3)-(6)", (string)problem["detail"]!);

        // Art 59(3)-(6): interim release; the 60-day period goes on at the Registry.
        using var interim = await partner.PostJsonAsync($"/states/UGA/requests/{id}/arrest/interim-release", new { on = arrestDate.AddDays(3).ToString("yyyy-MM-dd") });
        var path = await interim.ReadObjectAsync();
        Assert.True(interim.StatusCode == HttpStatusCode.OK, path.ToJsonString());
        Assert.Equal("AwaitingDocuments", (string)path["stage"]!);
        var seen = await partner.WaitForAsync($"/registry/requests/{id}/arrest", a => a["interimReleasedOn"] is not null, Soon);
        Assert.Equal(arrestDate.ToString("yyyy-MM-dd"), (string)seen["broughtBeforeJudicialAuthorityOn"]!);
        Assert.Equal("AwaitingDocuments", (string)seen["stage"]!);
        using var deadlines = await partner.GetAsync($"/registry/requests/{id}/deadlines");
        var deadline = JsonNode.Parse(await deadlines.Content.ReadAsStringAsync())!.AsArray().Single(d => (string)d!["kind"]! == "SurrenderDocuments")!;
        Assert.Null(deadline["cancelledAt"]);

        // Art 59(7): surrender cannot be ordered without the documents unless the person consents (Art 92(3)).
        using var order = await partner.PostJsonAsync($"/states/UGA/requests/{id}/arrest/surrender-order", new { on = arrestDate.AddDays(4).ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.Conflict, order.StatusCode);
        Assert.EndsWith("/documents-required", (string)(await order.ReadObjectAsync())["type"]!);
        using var consented = await partner.PostJsonAsync($"/states/UGA/requests/{id}/arrest/surrender-order",
            new { on = arrestDate.AddDays(4).ToString("yyyy-MM-dd"), consentToSurrender = true });
        Assert.Equal(HttpStatusCode.OK, consented.StatusCode);
        await partner.WaitForAsync($"/registry/requests/{id}/arrest", a => a["surrenderOrderedOn"] is not null, Soon);
    }

    [Fact]
    public async Task A_consultation_opened_late_is_a_recorded_breach_counted_for_the_state_and_the_organ()
    {
        using var partner = Desks.Create(platform);
        var before = await BreachesAsync(partner, "ZAF");
        var id = await DeliveredRequestAsync(partner, "/registry", Samples.ArrestAndSurrender("ZAF"), "ZAF");

        // The obstacle was recorded five days ago; the default service level to open is three days.
        var opened = await OpenAtStateAsync(partner, "ZAF", id, OpenBody("WrongPerson", DateTimeOffset.UtcNow.AddDays(-5).ToString("O")));
        var breach = opened["serviceLevel"]!["breaches"]!.AsArray().Single()!;
        Assert.Equal("TimeToOpen", (string)breach["measure"]!);
        Assert.False((bool)breach["ongoing"]!);

        var cid = (string)opened["id"]!;
        var atRegistry = await partner.WaitForAsync($"/registry/requests/{id}/consultations/{cid}", _ => true, Soon);
        Assert.Equal("TimeToOpen", (string)atRegistry["serviceLevel"]!["breaches"]![0]!["measure"]!);
        Assert.Equal(before + 1, await BreachesAsync(partner, "ZAF"));
    }

    private static async Task<int> BreachesAsync(HttpClient partner, string state)
    {
        using var response = await partner.GetAsync("/registry/consultations/service-levels");
        response.EnsureSuccessStatusCode();
        var row = (await response.ReadObjectAsync())["states"]!.AsArray().SingleOrDefault(r => (string)r!["stateCode"]! == state);
        return row is null ? 0 : (int)row["timeToOpenBreaches"]!;
    }
}
