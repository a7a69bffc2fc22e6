namespace Cooperation.Consoles.Inbox;

/// <summary>One legal ground a clerk may choose: its API name, its article, and what it means in both languages.</summary>
public sealed record GroundChoice(string Ground, string Basis, string English, string French)
{
    public string Label => $"{(Texts.Text.French ? French : English)} ({Basis})";
}

/// <summary>
/// The grounds the law allows a State to deny or postpone on, per kind of request (and, for assistance, its Art 93(1)
/// measure), so the forms offer nothing else. The same table as the domain's RequestLifecycle.DenialApplies and
/// PostponementApplies (services/Cooperation/Requests/Lifecycle); the console reads the API only, so it keeps its own
/// copy, and the API decides in the end (a ground offered here that the API refused would show its 422 by the field).
/// </summary>
public static class StateGrounds
{
    /// <summary>Art 89(1): a request to arrest and surrender (or provisionally arrest) is never denied.</summary>
    public static bool MayBeDenied(string kind) => kind is "OtherAssistance" or "Transit";

    private static readonly (GroundChoice Choice, Func<string, string, bool> Applies)[] Denial =
    [
        (new("NationalSecurity", "Art 93(4), 72", "Disclosure would prejudice national security", "La divulgation porterait atteinte à la sécurité nationale"),
            (kind, _) => kind == "OtherAssistance"),
        (new("ProhibitedByNationalLaw", "Art 93(5)", "The assistance is prohibited by national law", "L'assistance est interdite par le droit interne"),
            (kind, measure) => kind == "OtherAssistance" && measure == "OtherAssistance"),
        (new("TransitWouldImpedeSurrender", "Art 89(3)(a)", "Transit would impede or delay the surrender", "Le transit entraverait ou retarderait la remise"),
            (kind, _) => kind == "Transit"),
        (new("NoConsentToTemporaryTransfer", "Art 93(7)", "No consent to the temporary transfer", "Pas de consentement au transfèrement temporaire"),
            (kind, measure) => kind == "OtherAssistance" && measure == "TemporaryTransfer"),
        (new("AppearanceNotVoluntary", "Art 93(1)(e)", "The witness or expert declined to appear", "Le témoin ou l'expert a refusé de comparaître"),
            (kind, measure) => kind == "OtherAssistance" && measure == "VoluntaryAppearance"),
        (new("ThirdPartyOriginatorRefused", "Art 73", "The third-party originator refused consent to disclose", "L'auteur tiers a refusé de consentir à la divulgation"),
            (kind, _) => kind == "OtherAssistance"),
    ];

    private static readonly (GroundChoice Choice, Func<string, bool> Applies)[] Postponement =
    [
        (new("NeBisInIdemChallenge", "Art 89(2)", "Ne bis in idem challenge before a national court", "Contestation ne bis in idem devant une juridiction nationale"),
            kind => kind == "ArrestAndSurrender"),
        (new("NationalProceedings", "Art 94", "Interference with a national investigation or prosecution", "Interférence avec une enquête ou des poursuites nationales"),
            kind => kind == "OtherAssistance"),
        (new("AdmissibilityChallenge", "Art 95", "An admissibility challenge is before the Court", "Une exception d'irrecevabilité est pendante devant la Cour"),
            _ => true),
        (new("CompetingRequests", "Art 93(9)(a)", "Competing requests from the Court and another State", "Demandes concurrentes de la Cour et d'un autre État"),
            kind => kind == "OtherAssistance"),
    ];

    public static IReadOnlyList<GroundChoice> DenialFor(string kind, string measure) =>
        MayBeDenied(kind) ? Denial.Where(d => d.Applies(kind, measure)).Select(d => d.Choice).ToList() : [];

    public static IReadOnlyList<GroundChoice> PostponementFor(string kind) =>
        Postponement.Where(p => p.Applies(kind)).Select(p => p.Choice).ToList();
}
