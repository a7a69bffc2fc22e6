using Cooperation.Confidentiality;
using Cooperation.Organs;

namespace Cooperation.Contracts.Requests;

/// <summary>
/// State → issuing organ: Art 90(1), the State received a request from another State for the extradition of the same
/// person. <see cref="SameConduct"/>: for the conduct behind the Court's request (90(1)-(6); otherwise 90(7));
/// <see cref="ObligationToExtradite"/>: an existing international obligation to extradite to that State (90(4), (6), (7)).
/// </summary>
public sealed record CompetingExtraditionNotified : IStateReport
{
    public required Guid RequestId { get; init; }
    public required int RequestVersion { get; init; }
    public Organ SenderOrgan { get; init; } = Organ.State;
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required IReadOnlyList<string> Readers { get; init; }
    public required string StateCode { get; init; }
    public required string RequestingState { get; init; }
    public required bool RequestingStateIsParty { get; init; }
    public required bool SameConduct { get; init; }
    public required bool ObligationToExtradite { get; init; }
    public required DateOnly ReceivedOn { get; init; }
    /// <summary>Art 90(1): the requesting State was notified too.</summary>
    public bool RequestingStateNotified { get; init; }
}

/// <summary>Issuing organ → State: the Court's admissibility determination that Art 90(2)-(6) turn on, with reference and date.</summary>
public sealed record CompetingAdmissibilityDetermined : ICooperationMessage
{
    public required Guid RequestId { get; init; }
    public required int RequestVersion { get; init; }
    public required Organ SenderOrgan { get; init; }
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required IReadOnlyList<string> Readers { get; init; }
    public required string StateCode { get; init; }
    public required bool Admissible { get; init; }
    public required string Reference { get; init; }
    public required DateOnly On { get; init; }
}

/// <summary>State → issuing organ: Art 90, the person was extradited to the competing State where the rules allow it; the request ends.</summary>
public sealed record ExtraditedInstead : IStateReport
{
    public required Guid RequestId { get; init; }
    public required int RequestVersion { get; init; }
    public Organ SenderOrgan { get; init; } = Organ.State;
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required IReadOnlyList<string> Readers { get; init; }
    public required string StateCode { get; init; }
    public required DateOnly On { get; init; }
    /// <summary>Art 90(6), 90(7)(b): the relevant factors were considered.</summary>
    public bool FactorsConsidered { get; init; }
}

/// <summary>State → issuing organ: Art 90(8), extradition refused after the Court's inadmissibility determination.</summary>
public sealed record ExtraditionRefused : IStateReport
{
    public required Guid RequestId { get; init; }
    public required int RequestVersion { get; init; }
    public Organ SenderOrgan { get; init; } = Organ.State;
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required IReadOnlyList<string> Readers { get; init; }
    public required string StateCode { get; init; }
    public required DateOnly On { get; init; }
}
