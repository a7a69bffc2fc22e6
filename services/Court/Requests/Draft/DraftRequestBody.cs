using Cooperation.Confidentiality;
using Cooperation.Requests;

namespace Cooperation.Court.Requests.Draft;

/// <summary>What a Court desk sends to draft a request. Completeness is checked on transmit, not here.</summary>
public sealed record DraftRequestBody
{
    public RequestKind? Kind { get; init; }
    /// <summary>ISO 3166-1 alpha-3 code of the requested State, e.g. UGA.</summary>
    public string? StateCode { get; init; }
    public Classification? Classification { get; init; }
    /// <summary>Who else may read it (e.g. "chamber:PTC-II"); the issuing organ and the State always may.</summary>
    public IReadOnlyList<string>? Readers { get; init; }
    /// <summary>ISO 639-1 code of the language the request is written in, e.g. "en".</summary>
    public string? Language { get; init; }
    /// <summary>ISO 639-1 code of a translation into the State's language that travels with the request (RPE 178).</summary>
    public string? TranslationLanguage { get; init; }
    /// <summary>Art 91(1), 96(1): urgent requests may go at once, to be confirmed through the channel.</summary>
    public bool Urgent { get; init; }
    public RequestContents? Contents { get; init; }
}
