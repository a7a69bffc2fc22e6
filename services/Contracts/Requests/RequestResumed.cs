using Cooperation.Confidentiality;
using Cooperation.Organs;
using Cooperation.Requests;

namespace Cooperation.Contracts.Requests;

/// <summary>State → issuing organ: a postponed request is being executed again.</summary>
public sealed record RequestResumed : IStateReport
{
    public required Guid RequestId { get; init; }
    public required int RequestVersion { get; init; }
    public Organ SenderOrgan { get; init; } = Organ.State;
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required IReadOnlyList<string> Readers { get; init; }
    public required string StateCode { get; init; }
}
