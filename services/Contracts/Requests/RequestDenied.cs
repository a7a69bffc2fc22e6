using Cooperation.Confidentiality;
using Cooperation.Organs;
using Cooperation.Requests;

namespace Cooperation.Contracts.Requests;

/// <summary>
/// State → issuing organ: denial of assistance (Art 93(4), 93(5), 93(7), 93(1)(e), 73) or refusal of transit
/// (Art 89(3)(a)), with reasons (Art 93(6)) unless withheld under Art 72(6); in whole or in part.
/// </summary>
public sealed record RequestDenied : IStateReport
{
    public required Guid RequestId { get; init; }
    public required int RequestVersion { get; init; }
    public Organ SenderOrgan { get; init; } = Organ.State;
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required IReadOnlyList<string> Readers { get; init; }
    public required string StateCode { get; init; }
    public required DenialGround Ground { get; init; }
    /// <summary>Empty only when a national-security denial withholds its reasons (Art 72(6)).</summary>
    public required string Reasons { get; init; }
    /// <summary>Art 93(5): for (l)-assistance, conditions were considered before denying.</summary>
    public bool ConditionsConsidered { get; init; }
    /// <summary>Art 93(4) "in whole or in part": only part is denied and the rest goes on being executed.</summary>
    public bool Partial { get; init; }
    /// <summary>Art 93(4): the request concerns production of documents or disclosure of evidence.</summary>
    public bool ConcernsDocumentsOrEvidence { get; init; }
    /// <summary>Art 72(5): the steps to resolve the matter by cooperative means were taken.</summary>
    public bool Art72StepsTaken { get; init; }
    /// <summary>Art 72(6): the specific reasons are withheld because stating them would itself prejudice national security.</summary>
    public bool ReasonsWithheld { get; init; }
    /// <summary>Art 73: the originator was asked to consent to disclosure.</summary>
    public bool OriginatorConsentSought { get; init; }
}
