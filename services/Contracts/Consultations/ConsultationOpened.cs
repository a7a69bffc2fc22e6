using Cooperation.Confidentiality;
using Cooperation.Consultations;
using Cooperation.Organs;

namespace Cooperation.Contracts.Consultations;

/// <summary>
/// Either party → the other: an Art 97 consultation on a request was opened. A State sends it to the
/// organ that issued the request (<see cref="Addresses.FromStateTo"/>); the issuing organ to the State's own queue.
/// </summary>
public sealed record ConsultationOpened : ICooperationMessage
{
    public required Guid RequestId { get; init; }
    public required int RequestVersion { get; init; }
    public required Organ SenderOrgan { get; init; }
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required IReadOnlyList<string> Readers { get; init; }

    public required Guid ConsultationId { get; init; }
    public required string StateCode { get; init; }
    /// <summary>The author: the State or the issuing organ.</summary>
    public required Organ OpenedBy { get; init; }
    public required DateTimeOffset OpenedAt { get; init; }
    public required IReadOnlyList<ConsultationGround> Grounds { get; init; }
    public string? OtherGroundText { get; init; }
    public required string Description { get; init; }
    public ConsultationProposals Proposals { get; init; } = new();
    /// <summary>When the State met the obstacle, if it recorded it; "without delay" is measured from it.</summary>
    public DateTimeOffset? ProblemRecordedAt { get; init; }
    /// <summary>Where the "time to open" was measured from: the problem recorded, else the request's delivery.</summary>
    public DateTimeOffset? MeasuredFrom { get; init; }
    /// <summary>The date by which the opener wants an answer, if it set one.</summary>
    public DateOnly? ReplyBy { get; init; }
}
