using Cooperation.Confidentiality;
using Cooperation.Deadlines;
using Cooperation.Organs;

namespace Cooperation.Contracts.Deadlines;

/// <summary>
/// Owner of a deadline → the organs concerned: it fell at <see cref="DueAt"/> and was not met. Sent once,
/// by the owning service's scheduler. For <see cref="DeadlineKind.ChannelChangeEffective"/> "missed" means
/// "now in effect" (RPE 180(2)); <see cref="ICooperationMessage.RequestId"/> is then <see cref="Guid.Empty"/>.
/// </summary>
public sealed record DeadlineMissed : ICooperationMessage
{
    public required Guid RequestId { get; init; }
    public required int RequestVersion { get; init; }
    public required Organ SenderOrgan { get; init; }
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required IReadOnlyList<string> Readers { get; init; }

    public required Guid DeadlineId { get; init; }
    public required DeadlineKind Kind { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public Guid? ConsultationId { get; init; }
    public string? StateCode { get; init; }
    public required DateTimeOffset FiredAt { get; init; }
}
