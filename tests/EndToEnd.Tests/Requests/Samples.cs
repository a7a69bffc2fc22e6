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
}
