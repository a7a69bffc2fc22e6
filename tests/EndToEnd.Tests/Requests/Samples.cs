namespace Cooperation.EndToEnd.Tests.Requests;

/// <summary>Complete sample requests, one per kind, as a Court desk would draft them (fictitious people).</summary>
public static class Samples
{
    public static object ArrestAndSurrender(string stateCode, string personName = "Fictitious Person A", string classification = "Confidential") => new
    {
        kind = "ArrestAndSurrender",
        stateCode,
        classification,
        language = "en",
        readers = new[] { "chamber:PTC-II" },
        contents = new
        {
            person = new { name = personName, dateOfBirth = "1970-01-01", nationality = "XXX", description = "Tall, scar on the left hand" },
            probableLocation = "Capital district, residence known to the central authority",
            warrant = new { reference = "ICC-01/99-01/26-1", title = "Warrant of arrest", sha256 = new string('a', 64) },
            supportingDocuments = new[] { new { reference = "ICC-01/99-01/26-2", title = "Summary of facts", sha256 = new string('b', 64) } },
            facts = "Crimes against humanity (Art 7), committed in 2024.",
        },
    };

    /// <summary>A complete request of each kind (domain.md's table of required contents), for the given State.</summary>
    public static object Complete(string kind, string stateCode, string classification = "Confidential", string language = "en") => new
    {
        kind,
        stateCode,
        classification,
        language,
        contents = Contents(kind),
    };

    public static object Contents(string kind) => kind switch
    {
        "ArrestAndSurrender" => new
        {
            person = new { name = "Fictitious Person B", description = "Medium height" },
            probableLocation = "Northern province",
            warrant = new { reference = "ICC-01/99-01/26-3", title = "Warrant of arrest", sha256 = new string('c', 64) },
            supportingDocuments = new[] { new { reference = "ICC-01/99-01/26-4", title = "Summary of facts", sha256 = new string('d', 64) } },
        },
        "ProvisionalArrest" => (object)new
        {
            person = new { name = "Fictitious Person C", description = "Short, grey hair" },
            probableLocation = "Airport hotel",
            facts = "Alleged crimes against humanity (Art 7(1)(a))",
            warrantExistsStatement = true,
            surrenderRequestWillFollow = true,
        },
        "Transit" => new
        {
            person = new { description = "Adult, 1.80 m" },
            facts = "War crimes (Art 8(2)(e)(i))",
            warrant = new { reference = "ICC-01/99-01/26-5", title = "Warrant of arrest", sha256 = new string('e', 64) },
        },
        "OtherAssistance" => new
        {
            measure = "TakeEvidence",
            purpose = "Hear a witness",
            legalBasis = "Art 93(1)(b), Art 54(3)",
            personsAndPlaces = new[] { "Witness W-0001, southern province" },
            facts = "Events of March 2024",
            procedureToFollow = "Audio-video recording; counsel present",
            procedureReasons = "The testimony may be used at trial (Art 69(2))",
            replyBy = "2027-06-30",
        },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
