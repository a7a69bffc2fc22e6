using System.Net;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Platform;
using Cooperation.EndToEnd.Tests.Requests;

namespace Cooperation.EndToEnd.Tests.Consultations;

public static class ConsultationSamples
{
    public static readonly TimeSpan Soon = TimeSpan.FromSeconds(20);

    /// <summary>A complete request for other assistance (Art 93(1)(i), 96(2)), fictitious.</summary>
    public static object OtherAssistance(string stateCode, string? replyBy = null) => new
    {
        kind = "OtherAssistance",
        stateCode,
        classification = "Confidential",
        language = "en",
        contents = new
        {
            measure = "RecordsAndDocuments",
            purpose = "Obtain bank records for the investigation",
            legalBasis = "Art 93(1)(i), 96",
            personsAndPlaces = new[] { "Fictitious Bank B, capital branch" },
            facts = "Transfers linked to the situation, 2023-2024.",
            procedureToFollow = "Certified copies",
            procedureReasons = "Certified copies are admissible as evidence",
            replyBy = replyBy ?? DateOnly.FromDateTime(DateTime.UtcNow.AddDays(90)).ToString("yyyy-MM-dd"),
        },
    };

    public static object OpenBody(string ground = "PersonNotLocated", string? problemRecordedAt = null) => new
    {
        grounds = new[] { ground },
        otherGroundText = ground == "Other" ? "A free-text obstacle" : null,
        description = "The person could not be found at the address given.",
        proposals = new { supplementaryInformation = "Any recent address or travel information", postponementPeriod = "P30D" },
        problemRecordedAt,
    };

    /// <summary>Drafts through the gateway, transmits, and waits until the State holds it (Delivered on both sides).</summary>
    public static async Task<string> DeliveredRequestAsync(HttpClient partner, string organPrefix, object draft, string stateCode)
    {
        using var drafted = await partner.PostJsonAsync($"{organPrefix}/requests", draft);
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var id = (string)(await drafted.ReadObjectAsync())["id"]!;
        using var transmitted = await partner.PostAsync($"{organPrefix}/requests/{id}/transmit", null);
        Assert.True(transmitted.StatusCode == HttpStatusCode.OK, await transmitted.Content.ReadAsStringAsync());
        await partner.WaitForAsync($"{organPrefix}/requests/{id}", r => (string)r["status"]! == "Delivered", Soon);
        return id;
    }

    public static async Task<JsonObject> OpenAtStateAsync(HttpClient partner, string stateCode, string id, object body)
    {
        using var opened = await partner.PostJsonAsync($"/states/{stateCode}/requests/{id}/consultations", body);
        var text = await opened.Content.ReadAsStringAsync();
        Assert.True(opened.StatusCode == HttpStatusCode.Created, $"{(int)opened.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static Task<JsonObject> StatusAsync(HttpClient partner, string path, string status) =>
        partner.WaitForAsync(path, r => (string)r["status"]! == status, Soon);
}
