using Cooperation.Confidentiality;
using Cooperation.Organs;

namespace Cooperation.Contracts.Requests;

/// <summary>State → issuing organ: the State's node has persisted the request (evidence: Delivered).</summary>
public sealed record RequestDelivered : IStateReport
{
    public required Guid RequestId { get; init; }
    public required int RequestVersion { get; init; }
    public Organ SenderOrgan { get; init; } = Organ.State;
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required IReadOnlyList<string> Readers { get; init; }

    public required string StateCode { get; init; }
    public required DateTimeOffset DeliveredAt { get; init; }
}
