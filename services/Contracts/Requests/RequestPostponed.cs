using Cooperation.Confidentiality;
using Cooperation.Organs;
using Cooperation.Requests;

namespace Cooperation.Contracts.Requests;

/// <summary>
/// State → issuing organ: execution postponed on Art 89(2), 93(9)(a) or 95; on Art 94 a proposed period, pending
/// until the issuing organ agrees it or proposes another (Art 94(1)).
/// </summary>
public sealed record RequestPostponed : IStateReport
{
    public required Guid RequestId { get; init; }
    public required int RequestVersion { get; init; }
    public Organ SenderOrgan { get; init; } = Organ.State;
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required IReadOnlyList<string> Readers { get; init; }
    public required string StateCode { get; init; }
    public required PostponementGround Ground { get; init; }
    /// <summary>Art 94: the proposed period's end; open-ended on 89(2) and 95 (until the challenge is decided).</summary>
    public DateTimeOffset? Until { get; init; }
    /// <summary>Art 94(1): the State considered giving the assistance at once on conditions.</summary>
    public bool ConditionsConsidered { get; init; }
}
