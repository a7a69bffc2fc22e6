using System.Text.Json.Nodes;
using Cooperation.Consoles.Components.Shared;

namespace Cooperation.Consoles.Inbox;

/// <summary>One legal ground a clerk may choose: its API name, its article, and what it means in both languages.</summary>
public sealed record GroundChoice(string Ground, string Basis, string English, string French)
{
    public string Label => Basis.Length == 0 ? Ground : $"{(Texts.Text.French ? French : English)} ({Basis})";
}

/// <summary>
/// The words for the grounds a State may deny or postpone on. Which grounds the law allows for a request is the State
/// API's to say (denialGroundsAllowed and postponementGroundsAllowed on the received request, from the domain's
/// RequestLifecycle), so the forms offer exactly those; the console only names them. A ground the console has no words
/// for yet is offered by its API name.
/// </summary>
public static class StateGrounds
{
    private static readonly Dictionary<string, GroundChoice> Denial = new GroundChoice[]
    {
        new("NationalSecurity", "Art 93(4), 72", "Disclosure would prejudice national security", "La divulgation porterait atteinte à la sécurité nationale"),
        new("ProhibitedByNationalLaw", "Art 93(5)", "The assistance is prohibited by national law", "L'assistance est interdite par le droit interne"),
        new("TransitWouldImpedeSurrender", "Art 89(3)(a)", "Transit would impede or delay the surrender", "Le transit entraverait ou retarderait la remise"),
        new("NoConsentToTemporaryTransfer", "Art 93(7)", "No consent to the temporary transfer", "Pas de consentement au transfèrement temporaire"),
        new("AppearanceNotVoluntary", "Art 93(1)(e)", "The witness or expert declined to appear", "Le témoin ou l'expert a refusé de comparaître"),
        new("ThirdPartyOriginatorRefused", "Art 73", "The third-party originator refused consent to disclose", "L'auteur tiers a refusé de consentir à la divulgation"),
    }.ToDictionary(g => g.Ground);

    private static readonly Dictionary<string, GroundChoice> Postponement = new GroundChoice[]
    {
        new("NeBisInIdemChallenge", "Art 89(2)", "Ne bis in idem challenge before a national court", "Contestation ne bis in idem devant une juridiction nationale"),
        new("NationalProceedings", "Art 94", "Interference with a national investigation or prosecution", "Interférence avec une enquête ou des poursuites nationales"),
        new("AdmissibilityChallenge", "Art 95", "An admissibility challenge is before the Court", "Une exception d'irrecevabilité est pendante devant la Cour"),
        new("CompetingRequests", "Art 93(9)(a)", "Competing requests from the Court and another State", "Demandes concurrentes de la Cour et d'un autre État"),
    }.ToDictionary(g => g.Ground);

    /// <summary>The denial grounds the API allows for this received request, in its order (none for an arrest, Art 89(1)).</summary>
    public static IReadOnlyList<GroundChoice> DenialFor(JsonNode? request) => Named(request, "denialGroundsAllowed", Denial);

    /// <summary>The postponement grounds the API allows for this received request, in its order.</summary>
    public static IReadOnlyList<GroundChoice> PostponementFor(JsonNode? request) => Named(request, "postponementGroundsAllowed", Postponement);

    private static List<GroundChoice> Named(JsonNode? request, string property, Dictionary<string, GroundChoice> words) =>
        request.Items(property).Select(g => g.ToString()).Select(g => words.TryGetValue(g, out var choice) ? choice : new GroundChoice(g, "", g, g)).ToList();
}
