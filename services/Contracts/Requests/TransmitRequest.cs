using Cooperation.Confidentiality;
using Cooperation.Organs;
using Cooperation.Requests;

namespace Cooperation.Contracts.Requests;

/// <summary>
/// Court → one State: take in this request. Always sent to the State's own queue, never
/// published (design: a State cannot receive another State's request).
/// </summary>
public sealed record TransmitRequest : ICooperationMessage
{
    public required Guid RequestId { get; init; }
    public required int RequestVersion { get; init; }
    public required Organ SenderOrgan { get; init; }
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }

    /// <summary>Human reference given by the issuing organ, e.g. REG-2026-000123.</summary>
    public required string Reference { get; init; }
    public required string StateCode { get; init; }
    public required RequestKind Kind { get; init; }
    /// <summary>Who may read it besides the issuing organ and the requested State (Art 87(3)).</summary>
    public required IReadOnlyList<string> Readers { get; init; }
    /// <summary>Sent by any medium leaving a written record; under Art 91(1), 96(1) confirmed afterwards (a provisional arrest is not).</summary>
    public bool Urgent { get; init; }
    public required string Language { get; init; }
    /// <summary>The language of the translation that travels with the request, if any (Art 87(2), RPE 178).</summary>
    public string? TranslationLanguage { get; init; }
    public required RequestContents Contents { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
}
