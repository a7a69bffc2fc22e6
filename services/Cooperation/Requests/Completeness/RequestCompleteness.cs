using Cooperation.Register;
using Cooperation.Validation;

namespace Cooperation.Requests;

/// <summary>
/// Whether a request carries everything its kind requires before it may leave Draft, and is in a
/// language the requested State accepts. Lists every missing or invalid element, not the first.
/// </summary>
public static class RequestCompleteness
{
    private const string Required = "required";

    /// <param name="kind">Which table row of required contents applies.</param>
    /// <param name="contents">What the request says.</param>
    /// <param name="language">The language the request is written in (e.g. "en", "fr", "es").</param>
    /// <param name="acceptedLanguages">
    /// The requested State's accepted languages as the Registry's register holds them for this request
    /// (Art 87(2), RPE 178): its designated language, plus English/French only where the register says so.
    /// Empty when the State designated none: English or French is then complete (RPE 178(2)).
    /// Compared case-insensitively, as whole tags.
    /// </param>
    /// <param name="translationLanguage">The language of a translation that travels with the request, if any (Art 87(2)).</param>
    /// <param name="requirements">The State's national requirements as the register records them (Art 91(4)); none if null.</param>
    public static IReadOnlyList<InvalidElement> Check(
        RequestKind kind,
        RequestContents contents,
        string language,
        IReadOnlyCollection<string> acceptedLanguages,
        string? translationLanguage = null,
        NationalRequirements? requirements = null)
    {
        requirements ??= NationalRequirements.None;
        ArgumentNullException.ThrowIfNull(contents);
        ArgumentNullException.ThrowIfNull(acceptedLanguages);

        var problems = new List<InvalidElement>();
        switch (kind)
        {
            case RequestKind.ArrestAndSurrender: ArrestAndSurrender(contents, requirements, problems); break;
            case RequestKind.ProvisionalArrest: ProvisionalArrest(contents, problems); break;
            case RequestKind.Transit: Transit(contents, problems); break;
            case RequestKind.OtherAssistance: OtherAssistance(contents, requirements, problems); break;
            default: problems.Add(new InvalidElement("kind", "not a known kind of request")); break;
        }
        ProtectiveMeasures(contents, problems);
        if (kind == RequestKind.ArrestAndSurrender) TranslationForPerson(contents.TranslationForPerson, problems);
        var acceptable = Acceptable(acceptedLanguages);
        Language(language, translationLanguage, acceptable, problems);
        DocumentLanguages(contents, acceptable, problems);
        return problems;
    }

    // Art 91(2)(a)-(c): identity and description, probable location, a copy of the warrant, and the
    // documents the requested State's surrender procedure needs — those the register records for it after
    // consulting the Court (91(4)); none are required where none are recorded. Art 91(3): for a person
    // already convicted, the judgment, identity against it, the sentence and time served and remaining,
    // with a copy of any warrant.
    private static void ArrestAndSurrender(RequestContents c, NationalRequirements requirements, List<InvalidElement> problems)
    {
        RequireText(c.Person?.Name, "contents.person.name", problems);
        RequireText(c.Person?.Description, "contents.person.description", problems);
        RequireText(c.ProbableLocation, "contents.probableLocation", problems);
        if (c.Conviction is { } conviction)
        {
            if (c.Warrant is not null) RequireDocument(c.Warrant, "contents.warrant", problems);
            RequireDocument(conviction.Judgment, "contents.conviction.judgment", problems);
            RequireText(conviction.IdentityEvidence, "contents.conviction.identityEvidence", problems);
            RequireDocument(conviction.Sentence, "contents.conviction.sentence", problems);
            RequireText(conviction.TimeServed, "contents.conviction.timeServed", problems);
            RequireText(conviction.TimeRemaining, "contents.conviction.timeRemaining", problems);
        }
        else
            RequireDocument(c.Warrant, "contents.warrant", problems);
        for (var i = 0; i < c.SupportingDocuments.Count; i++)
            RequireDocument(c.SupportingDocuments[i], $"contents.supportingDocuments[{i}]", problems);
        foreach (var requirement in requirements.SurrenderDocuments.Where(r => !string.IsNullOrWhiteSpace(r)))
            if (!c.SupportingDocuments.Any(d => string.Equals(d.Requirement?.Trim(), requirement.Trim(), StringComparison.OrdinalIgnoreCase)))
                problems.Add(new InvalidElement("contents.supportingDocuments",
                    $"no document meets the requested State's recorded requirement \"{requirement.Trim()}\" (Art 91(2)(c), 91(4))"));
    }

    // Art 92(2)(a)-(d): information describing the person and the probable location, brief facts and
    // crimes, a statement that a warrant (or a judgment of conviction) exists, and that a request for
    // surrender will follow.
    private static void ProvisionalArrest(RequestContents c, List<InvalidElement> problems)
    {
        RequireText(c.Person?.Name, "contents.person.name", problems);
        RequireText(c.Person?.Description, "contents.person.description", problems);
        RequireText(c.ProbableLocation, "contents.probableLocation", problems);
        RequireText(c.Facts, "contents.facts", problems);
        if (!c.WarrantExistsStatement)
            problems.Add(new InvalidElement("contents.warrantExistsStatement",
                "must state that a warrant of arrest or a judgment of conviction exists (Art 92(2)(c))"));
        if (!c.SurrenderRequestWillFollow)
            problems.Add(new InvalidElement("contents.surrenderRequestWillFollow",
                "must state that a request for surrender will follow (Art 92(2)(d))"));
    }

    // Art 89(3)(b)(i)-(iii): description of the person, brief facts and legal characterisation, the warrant.
    private static void Transit(RequestContents c, List<InvalidElement> problems)
    {
        RequireText(c.Person?.Description, "contents.person.description", problems);
        RequireText(c.Facts, "contents.facts", problems);
        RequireDocument(c.Warrant, "contents.warrant", problems);
        if (!Cooperation.Requests.Transit.TransitAuthorisation.Required(c.Route))
            problems.Add(new InvalidElement("contents.route",
                "air transit with no landing scheduled in the State needs no authorisation (Art 89(3)(d)); " +
                "an unscheduled landing is reported by the State under Art 89(3)(e)"));
    }

    /// <summary>
    /// Art 96(2)(b) "as applicable": the measures that need a person or place found or identified. Records
    /// (93(1)(i)), tracing and freezing assets (k) and other assistance (l) may not name one.
    /// </summary>
    public static bool NeedsPersonsOrPlaces(AssistanceMeasure measure) => measure is not
        (AssistanceMeasure.RecordsAndDocuments or AssistanceMeasure.FreezeAssets or AssistanceMeasure.OtherAssistance);

    // Art 93(1), 96(2)(a)-(e): the measure; (a) purpose and legal basis; (b) persons and places, as the
    // measure needs them; (c) the essential facts; (d) a procedure to follow, if any, with its reasons;
    // (e) what the State's law needs, where the register records it. The reply-by date is set per request.
    private static void OtherAssistance(RequestContents c, NationalRequirements requirements, List<InvalidElement> problems)
    {
        if (c.Measure is null)
            problems.Add(new InvalidElement("contents.measure", Required));
        else if (!Enum.IsDefined(c.Measure.Value))
            problems.Add(new InvalidElement("contents.measure", "not one of the Art 93(1) measures"));
        RequireText(c.Purpose, "contents.purpose", problems);
        RequireText(c.LegalBasis, "contents.legalBasis", problems);
        if (c.PersonsAndPlaces.Count == 0 && c.Measure is { } m && Enum.IsDefined(m) && NeedsPersonsOrPlaces(m))
            problems.Add(new InvalidElement("contents.personsAndPlaces",
                "required for this measure: the persons or places to be found or identified (Art 96(2)(b))"));
        for (var i = 0; i < c.PersonsAndPlaces.Count; i++)
            RequireText(c.PersonsAndPlaces[i], $"contents.personsAndPlaces[{i}]", problems);
        RequireText(c.Facts, "contents.facts", problems);
        if (!string.IsNullOrWhiteSpace(c.ProcedureToFollow) && string.IsNullOrWhiteSpace(c.ProcedureReasons))
            problems.Add(new InvalidElement("contents.procedureReasons",
                "required with a procedure to follow: the reasons for it (Art 96(2)(d))"));
        if (requirements.AssistanceInformation.Any(r => !string.IsNullOrWhiteSpace(r)) && string.IsNullOrWhiteSpace(c.NationalLawInformation))
            problems.Add(new InvalidElement("contents.nationalLawInformation",
                "required: the information the requested State's law needs, as the register records it (Art 96(2)(e))"));
        if (c.ReplyBy is null)
            problems.Add(new InvalidElement("contents.replyBy", Required));
    }

    // Art 87(4): each protective measure says what it is.
    private static void ProtectiveMeasures(RequestContents c, List<InvalidElement> problems)
    {
        for (var i = 0; i < c.ProtectiveMeasures.Count; i++)
            RequireText(c.ProtectiveMeasures[i].Measure, $"contents.protectiveMeasures[{i}].measure", problems);
    }

    // RPE 187 "as appropriate": not required, but when given, the language and both translations.
    private static void TranslationForPerson(TranslationForPerson? t, List<InvalidElement> problems)
    {
        if (t is null) return;
        RequireText(t.Language, "contents.translationForPerson.language", problems);
        RequireDocument(t.Warrant, "contents.translationForPerson.warrant", problems);
        RequireDocument(t.StatuteProvisions, "contents.translationForPerson.statuteProvisions", problems);
    }

    /// <summary>The Court's working languages (Art 50(2)), complete where a State designated no language (RPE 178(2)).</summary>
    public static readonly IReadOnlyCollection<string> WorkingLanguages = ["en", "fr"];

    /// <summary>
    /// The languages a request (and each supporting document) may be in, or be translated into: the State's
    /// designation (Art 87(2)), else English or French (RPE 178(2)).
    /// </summary>
    public static IReadOnlyCollection<string> Acceptable(IReadOnlyCollection<string> designated) =>
        designated.Any(l => !string.IsNullOrWhiteSpace(l)) ? designated : WorkingLanguages;

    // Art 87(2), RPE 178: in an acceptable language, or accompanied by a translation into one.
    private static void Language(
        string language, string? translationLanguage, IReadOnlyCollection<string> acceptable, List<InvalidElement> problems)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            problems.Add(new InvalidElement("language", Required));
            return;
        }
        if (IsIn(language, acceptable)) return;
        if (translationLanguage is null)
            problems.Add(new InvalidElement("language",
                "not a language the requested State accepts, and no translation is attached (Art 87(2), RPE 178)"));
        else if (!IsIn(translationLanguage, acceptable))
            problems.Add(new InvalidElement("translationLanguage",
                "the translation is not into a language the requested State accepts (Art 87(2), RPE 178)"));
    }

    // Art 87(2): "any documents supporting the request" follow the same rule. A document that names no
    // language of its own is taken to be in the request's language (and covered by its translation).
    private static void DocumentLanguages(RequestContents c, IReadOnlyCollection<string> acceptable, List<InvalidElement> problems)
    {
        DocumentLanguage(c.Warrant, "contents.warrant", acceptable, problems);
        DocumentLanguage(c.Conviction?.Judgment, "contents.conviction.judgment", acceptable, problems);
        DocumentLanguage(c.Conviction?.Sentence, "contents.conviction.sentence", acceptable, problems);
        for (var i = 0; i < c.SupportingDocuments.Count; i++)
            DocumentLanguage(c.SupportingDocuments[i], $"contents.supportingDocuments[{i}]", acceptable, problems);
    }

    private static void DocumentLanguage(DocumentReference? d, string element, IReadOnlyCollection<string> acceptable, List<InvalidElement> problems)
    {
        if (d?.Language is not { } language || IsIn(language, acceptable)) return;
        if (d.TranslationLanguage is null)
            problems.Add(new InvalidElement(element + ".language",
                "the document is not in a language the requested State accepts and has no translation (Art 87(2), RPE 178)"));
        else if (!IsIn(d.TranslationLanguage, acceptable))
            problems.Add(new InvalidElement(element + ".translationLanguage",
                "the document's translation is not into a language the requested State accepts (Art 87(2), RPE 178)"));
    }

    private static bool IsIn(string language, IReadOnlyCollection<string> languages)
    {
        var trimmed = language.Trim();
        return languages.Any(a => string.Equals(a?.Trim(), trimmed, StringComparison.OrdinalIgnoreCase));
    }

    private static void RequireText(string? value, string element, List<InvalidElement> problems)
    {
        if (string.IsNullOrWhiteSpace(value)) problems.Add(new InvalidElement(element, Required));
    }

    private static void RequireDocument(DocumentReference? document, string element, List<InvalidElement> problems)
    {
        if (document is null)
        {
            problems.Add(new InvalidElement(element, Required));
            return;
        }
        RequireText(document.Reference, element + ".reference", problems);
        if (document.Sha256 is { } hash && !IsSha256(hash))
            problems.Add(new InvalidElement(element + ".sha256", "must be 64 hexadecimal characters"));
    }

    private static bool IsSha256(string text) => text.Length == 64 && text.All(char.IsAsciiHexDigit);
}
