using Cooperation.Confidentiality;
using Cooperation.Organs;

namespace Cooperation.Contracts.Requests;

/// <summary>State → issuing organ: a person or system at the State accepted the request (evidence: Acknowledged).</summary>
public sealed record RequestAcknowledged : IStateReport
{
    public required Guid RequestId { get; init; }
    public required int RequestVersion { get; init; }
    public Organ SenderOrgan { get; init; } = Organ.State;
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required IReadOnlyList<string> Readers { get; init; }

    public required string StateCode { get; init; }
    public required DateTimeOffset AcknowledgedAt { get; init; }
    /// <summary>The office or system that acknowledged, as the State names it (an office, not a person's name).</summary>
    public string? AcknowledgedBy { get; init; }
}
