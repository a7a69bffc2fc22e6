using Cooperation.Confidentiality;
using Cooperation.Organs;
using Cooperation.Requests;

namespace Cooperation.Contracts.Requests;

/// <summary>State → issuing organ: denial, only on Art 93(4) or 93(5), with reasons (Art 93(6)).</summary>
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
    public required string Reasons { get; init; }
    /// <summary>Art 93(5): for (l)-assistance, conditions were considered before denying.</summary>
    public bool ConditionsConsidered { get; init; }
}
