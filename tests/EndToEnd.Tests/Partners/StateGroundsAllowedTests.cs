using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Consultations;
using Cooperation.EndToEnd.Tests.Platform;
using Cooperation.EndToEnd.Tests.Requests;

namespace Cooperation.EndToEnd.Tests.Partners;

/// <summary>
/// A State's node tells its partner systems (and the console) which legal grounds the law allows to deny or postpone
/// each received request (Art 89(1), 89(2), 89(3)(a), 93(4)-(7), 93(9)(a), 94, 95, 73), so no partner keeps its own
/// copy of the table; the State's OpenAPI document says what the two lists mean.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class StateGroundsAllowedTests(PlatformFixture platform)
{
    private static string[] Names(JsonNode view, string property) => view[property]!.AsArray().Select(g => (string)g!).ToArray();

    [Fact]
    public async Task A_received_request_lists_the_denial_and_postponement_grounds_its_kind_allows()
    {
        using var registry = platform.CreatePartnerClient("registry");
        using var uganda = platform.CreatePartnerClient("state:UGA");
        var records = await ConsultationSamples.DeliveredRequestAsync(registry, "/registry", ConsultationSamples.OtherAssistance("UGA"), "UGA");
        var arrest = await ConsultationSamples.DeliveredRequestAsync(registry, "/registry", Samples.ArrestAndSurrender("UGA"), "UGA");

        // Records and documents, Art 93(1)(i): national security (93(4), 72) or a third party's refusal (73); never 93(5).
        var assistance = await uganda.WaitForAsync($"/states/UGA/requests/{records}", _ => true, ConsultationSamples.Soon);
        Assert.Equal(["NationalSecurity", "ThirdPartyOriginatorRefused"], Names(assistance, "denialGroundsAllowed"));
        Assert.Equal(["NationalProceedings", "AdmissibilityChallenge", "CompetingRequests"], Names(assistance, "postponementGroundsAllowed"));

        // Arrest and surrender: never denied (Art 89(1)); postponed on 89(2) or 95 only.
        var surrender = await uganda.WaitForAsync($"/states/UGA/requests/{arrest}", _ => true, ConsultationSamples.Soon);
        Assert.Empty(Names(surrender, "denialGroundsAllowed"));
        Assert.Equal(["NeBisInIdemChallenge", "AdmissibilityChallenge"], Names(surrender, "postponementGroundsAllowed"));
    }

    [Fact]
    public async Task The_state_document_describes_the_grounds_allowed_on_a_received_request()
    {
        using var uganda = platform.CreatePartnerClient("state:UGA");
        var document = JsonNode.Parse(await uganda.GetStringAsync("/docs/states/UGA/openapi.json"))!;
        var properties = document["components"]!["schemas"]!["ReceivedRequestView"]!["properties"]!;
        var denial = properties["denialGroundsAllowed"]!;
        Assert.Contains("Art 89(1)", (string)denial["description"]!);
        Assert.Contains("DenialGround name", (string)denial["description"]!);
        Assert.Equal("string", (string)denial["items"]!["type"]!);
        var postponement = properties["postponementGroundsAllowed"]!;
        Assert.Contains("Art 95", (string)postponement["description"]!);
        Assert.Contains("PostponementGround name", (string)postponement["description"]!);
        Assert.Equal("string", (string)postponement["items"]!["type"]!);
    }
}
