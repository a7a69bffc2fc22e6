using Cooperation.Confidentiality;
using Cooperation.Organs;

namespace Cooperation.Contracts.Requests;

/// <summary>Issuing organ → State: the request's classification changed (e.g. a warrant unsealed after arrest).</summary>
public sealed record ReclassifyRequest : ICooperationMessage
{
    public required Guid RequestId { get; init; }
    public required int RequestVersion { get; init; }
    public required Organ SenderOrgan { get; init; }
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required IReadOnlyList<string> Readers { get; init; }
    public required string StateCode { get; init; }
    public required Classification NewClassification { get; init; }
    /// <summary>Unsealing (UnderSeal → Confidential or Public): the reference of the decision that authorises it.</summary>
    public string? AuthorisingDecision { get; init; }
}
