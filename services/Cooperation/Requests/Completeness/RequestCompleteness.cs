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
    public static IReadOnlyList<InvalidElement> Check(
        RequestKind kind,
        RequestContents contents,
        string language,
        IReadOnlyCollection<string> acceptedLanguages,
        string? translationLanguage = null)
    {
        ArgumentNullException.ThrowIfNull(contents);
        ArgumentNullException.ThrowIfNull(acceptedLanguages);

        var problems = new List<InvalidElement>();
        switch (kind)
        {
            case RequestKind.ArrestAndSurrender: ArrestAndSurrender(contents, problems); break;
            case RequestKind.ProvisionalArrest: ProvisionalArrest(contents, problems); break;
            case RequestKind.Transit: Transit(contents, problems); break;
            case RequestKind.OtherAssistance: OtherAssistance(contents, problems); break;
            default: problems.Add(new InvalidElement("kind", "not a known kind of request")); break;
        }
        var acceptable = Acceptable(acceptedLanguages);
        Language(language, translationLanguage, acceptable, problems);
        DocumentLanguages(contents, acceptable, problems);
        return problems;
    }

    // Art 91(2)(a)-(c): identity and description, probable location, a copy of the warrant, and the
    // documents the requested State's surrender procedure needs.
    private static void ArrestAndSurrender(RequestContents c, List<InvalidElement> problems)
    {
        RequireText(c.Person?.Name, "contents.person.name", problems);
        RequireText(c.Person?.Description, "contents.person.description", problems);
        RequireText(c.ProbableLocation, "contents.probableLocation", problems);
        RequireDocument(c.Warrant, "contents.warrant", problems);
        if (c.SupportingDocuments.Count == 0)
            problems.Add(new InvalidElement("contents.supportingDocuments",
                "at least one document the requested State's surrender procedure needs is required (Art 91(2)(c))"));
        for (var i = 0; i < c.SupportingDocuments.Count; i++)
            RequireDocument(c.SupportingDocuments[i], $"contents.supportingDocuments[{i}]", problems);
    }

    // Art 92(2)(a)-(d): identity and probable location, brief facts and crimes, a statement that a
    // warrant exists, a statement that a request for surrender will follow.
    private static void ProvisionalArrest(RequestContents c, List<InvalidElement> problems)
    {
        RequireText(c.Person?.Name, "contents.person.name", problems);
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

    // Art 93(1), 96(2)(a)-(e): the measure, purpose and legal basis, persons and places, facts,
    // the procedure to follow; the reply-by date is set per request.
    private static void OtherAssistance(RequestContents c, List<InvalidElement> problems)
    {
        if (c.Measure is null)
            problems.Add(new InvalidElement("contents.measure", Required));
        else if (!Enum.IsDefined(c.Measure.Value))
            problems.Add(new InvalidElement("contents.measure", "not one of the Art 93(1) measures"));
        RequireText(c.Purpose, "contents.purpose", problems);
        RequireText(c.LegalBasis, "contents.legalBasis", problems);
        if (c.PersonsAndPlaces.Count == 0)
            problems.Add(new InvalidElement("contents.personsAndPlaces", Required));
        for (var i = 0; i < c.PersonsAndPlaces.Count; i++)
            RequireText(c.PersonsAndPlaces[i], $"contents.personsAndPlaces[{i}]", problems);
        RequireText(c.Facts, "contents.facts", problems);
        RequireText(c.ProcedureToFollow, "contents.procedureToFollow", problems);
        if (c.ReplyBy is null)
            problems.Add(new InvalidElement("contents.replyBy", Required));
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
