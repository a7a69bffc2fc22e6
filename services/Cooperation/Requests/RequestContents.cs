namespace Cooperation.Requests;

/// <summary>
/// What a request says. One shape for every kind; which parts are required depends on the kind
/// (Art 91(2)-(3), 92(2), 89(3)(b), 96(2)) and is checked before a request may leave Draft.
/// </summary>
public sealed record RequestContents
{
    /// <summary>The person sought, transited or concerned.</summary>
    public PersonParticulars? Person { get; init; }

    /// <summary>Where the person probably is (Art 91(2)(a), 92(2)(a)).</summary>
    public string? ProbableLocation { get; init; }

    /// <summary>The warrant of arrest, by reference and copy (Art 91(2)(b), 91(3)(a), 89(3)(b)(iii)).</summary>
    public DocumentReference? Warrant { get; init; }

    /// <summary>
    /// Documents the requested State's law needs for surrender (Art 91(2)(c)), as recorded in the register
    /// (Art 91(4)); each names the requirement it meets.
    /// </summary>
    public IReadOnlyList<DocumentReference> SupportingDocuments { get; init => field = value ?? []; } = [];

    /// <summary>Brief facts and the crimes, or their legal characterisation (Art 92(2)(b), 89(3)(b)(ii)); the essential facts (96(2)(c)).</summary>
    public string? Facts { get; init; }

    /// <summary>Art 92(2)(c): a statement that a warrant of arrest or a judgment of conviction exists.</summary>
    public bool WarrantExistsStatement { get; init; }

    /// <summary>Art 92(2)(d): a statement that a request for surrender will follow.</summary>
    public bool SurrenderRequestWillFollow { get; init; }

    /// <summary>Art 93(1): which form of assistance is sought.</summary>
    public AssistanceMeasure? Measure { get; init; }

    /// <summary>Art 96(2)(a): a concise statement of the purpose of the request and the assistance sought.</summary>
    public string? Purpose { get; init; }

    /// <summary>Art 96(2)(a): the legal basis and the grounds for the request.</summary>
    public string? LegalBasis { get; init; }

    /// <summary>
    /// Art 96(2)(b): as much detail as possible on the location or identification of any person or place that
    /// must be found or identified, where the measure needs one.
    /// </summary>
    public IReadOnlyList<string> PersonsAndPlaces { get; init => field = value ?? []; } = [];

    /// <summary>Art 96(2)(d): details of any procedure or requirement to be followed, if there is one.</summary>
    public string? ProcedureToFollow { get; init; }

    /// <summary>Art 96(2)(d): the reasons for that procedure or requirement; required with it.</summary>
    public string? ProcedureReasons { get; init; }

    /// <summary>Art 96(2)(e): the information the requested State's law needs to execute the request.</summary>
    public string? NationalLawInformation { get; init; }

    /// <summary>Art 91(3): the request concerns a person already convicted.</summary>
    public ConvictionParticulars? Conviction { get; init; }

    /// <summary>Art 87(4): measures to protect the safety or well-being of victims, witnesses and their families.</summary>
    public IReadOnlyList<ProtectiveMeasure> ProtectiveMeasures { get; init => field = value ?? []; } = [];

    /// <summary>
    /// RPE 187: for a surrender request, as appropriate, translations of the warrant (or judgment) and of the relevant
    /// provisions of the Statute into a language the person fully understands and speaks (Art 67(1)(a)).
    /// </summary>
    public TranslationForPerson? TranslationForPerson { get; init; }

    /// <summary>The date by which a reply is wanted (set per request).</summary>
    public DateOnly? ReplyBy { get; init; }

    /// <summary>Transit: how the person travels through the State (Art 89(3)(d): by air with no landing scheduled, no authorisation is needed).</summary>
    public TransitRoute? Route { get; init; }

    /// <summary>
    /// Transit: the unscheduled landing this request answers (Art 89(3)(e)); received within 96 hours of the
    /// landing, it ends the detention cap.
    /// </summary>
    public Guid? UnscheduledLandingId { get; init; }
}

/// <summary>How a person is transported through the transit State (Art 89(3)).</summary>
public sealed record TransitRoute
{
    public bool ByAir { get; init; }
    /// <summary>A landing on the transit State's territory is scheduled.</summary>
    public bool LandingScheduled { get; init; }
}

/// <summary>
/// Art 91(3): what a request for the surrender of a person already convicted carries, besides a copy of any
/// warrant of arrest.
/// </summary>
public sealed record ConvictionParticulars
{
    /// <summary>91(3)(b): a copy of the judgment of conviction.</summary>
    public DocumentReference? Judgment { get; init; }
    /// <summary>91(3)(c): information showing that the person sought is the one the judgment refers to.</summary>
    public string? IdentityEvidence { get; init; }
    /// <summary>91(3)(d): a copy of the sentence imposed.</summary>
    public DocumentReference? Sentence { get; init; }
    /// <summary>91(3)(d): for imprisonment, the time already served.</summary>
    public string? TimeServed { get; init; }
    /// <summary>91(3)(d): for imprisonment, the time remaining to be served.</summary>
    public string? TimeRemaining { get; init; }
}

/// <summary>Art 87(4): one protective measure attached to a request, and whom it protects (content: never logged).</summary>
public sealed record ProtectiveMeasure
{
    public string? Measure { get; init; }
    public string? Protects { get; init; }
}

/// <summary>RPE 187: what travels with a surrender request for the person, in a language they fully understand and speak.</summary>
public sealed record TranslationForPerson
{
    public string? Language { get; init; }
    /// <summary>The translated warrant of arrest, or judgment of conviction.</summary>
    public DocumentReference? Warrant { get; init; }
    /// <summary>The translated text of the relevant provisions of the Statute.</summary>
    public DocumentReference? StatuteProvisions { get; init; }
}

/// <summary>Identity and description of a person (Art 91(2)(a), 92(2)(a), 89(3)(b)(i)).</summary>
public sealed record PersonParticulars
{
    public string? Name { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public string? Nationality { get; init; }
    public string? Description { get; init; }
}

/// <summary>A document travelling with a request: metadata only (no file storage yet).</summary>
public sealed record DocumentReference
{
    public string? Reference { get; init; }
    public string? Title { get; init; }
    public string? Sha256 { get; init; }
    /// <summary>The document's own language, if it differs from the request's (Art 87(2): supporting documents too).</summary>
    public string? Language { get; init; }
    /// <summary>The language of the translation that accompanies the document, if any (Art 87(2), RPE 178).</summary>
    public string? TranslationLanguage { get; init; }
    /// <summary>The recorded national requirement this document meets (Art 91(2)(c), 91(4)), by its register name.</summary>
    public string? Requirement { get; init; }
}
