using System.Text.Json.Nodes;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.ApiReference;

namespace Cooperation.Court.Requests.Draft;

/// <summary>
/// A complete draft of each kind the organ issues, as in the README (fictitious people and documents), shown
/// in the API reference: transmitted as is, each passes the completeness check for a State whose register
/// records no extra national requirements.
/// </summary>
public static class DraftExamples
{
    private static readonly string A = new('a', 64), B = new('b', 64);

    public static RequestExample[] For(CourtOrgan organ) =>
        [.. All().Where(e => organ.Kinds.Contains(Enum.Parse<RequestKind>(e.Name)))];

    private static IEnumerable<RequestExample> All()
    {
        yield return new("ArrestAndSurrender", "Arrest and surrender (Art 89, 91)", JsonNode.Parse($$"""
            { "kind": "ArrestAndSurrender", "stateCode": "UGA", "classification": "UnderSeal", "language": "en",
              "readers": ["chamber:PTC-II"],
              "contents": { "person": { "name": "Fictitious Person A", "description": "Tall, scar on the left hand" },
                "probableLocation": "Capital district",
                "warrant": { "reference": "ICC-01/99-01/26-1", "title": "Warrant of arrest", "sha256": "{{A}}" },
                "supportingDocuments": [ { "reference": "ICC-01/99-01/26-2", "title": "Summary of facts", "sha256": "{{B}}" } ] } }
            """)!);
        yield return new("ProvisionalArrest", "Provisional arrest (Art 92, urgent)", JsonNode.Parse("""
            { "kind": "ProvisionalArrest", "stateCode": "UGA", "classification": "UnderSeal", "language": "en",
              "contents": { "person": { "name": "Fictitious Person C", "description": "Short, grey hair" }, "probableLocation": "Airport hotel",
                "facts": "Alleged crimes against humanity (Art 7(1)(a))", "warrantExistsStatement": true, "surrenderRequestWillFollow": true } }
            """)!);
        yield return new("Transit", "Transit (Art 89(3))", JsonNode.Parse($$"""
            { "kind": "Transit", "stateCode": "ZAF", "classification": "Confidential", "language": "en",
              "contents": { "person": { "description": "Adult, 1.80 m" }, "facts": "War crimes (Art 8(2)(e)(i))",
                "warrant": { "reference": "ICC-01/99-01/26-1", "title": "Warrant of arrest", "sha256": "{{A}}" } } }
            """)!);
        yield return new("OtherAssistance", "Other forms of assistance (Art 93, 96)", JsonNode.Parse("""
            { "kind": "OtherAssistance", "stateCode": "NLD", "classification": "Confidential", "language": "en",
              "contents": { "measure": "TakeEvidence", "purpose": "Hear a witness", "legalBasis": "Art 93(1)(b), Art 54(3)",
                "personsAndPlaces": ["Witness W-0001, southern province"], "facts": "Events of March 2024",
                "procedureToFollow": "Audio-video recording; counsel present", "procedureReasons": "The testimony may be used at trial (Art 69(2))",
                "replyBy": "2027-06-30" } }
            """)!);
    }
}
