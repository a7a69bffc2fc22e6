using Cooperation.Confidentiality;
using Cooperation.Consultations;
using Cooperation.Organs;
using Cooperation.Requests;

namespace Cooperation.Contracts.Consultations;

/// <summary>
/// Issuing organ → State: the consultation ended. For <see cref="ConsultationOutcome.Modified"/> the new version
/// follows as a <see cref="Requests.TransmitRequest"/>; <see cref="ChangedElements"/> says what changed.
/// </summary>
public sealed record ConsultationClosed : ICooperationMessage
{
    public required Guid RequestId { get; init; }
    /// <summary>The version the consultation was about (for Modified: the one it replaced).</summary>
    public required int RequestVersion { get; init; }
    public required Organ SenderOrgan { get; init; }
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required IReadOnlyList<string> Readers { get; init; }

    public required Guid ConsultationId { get; init; }
    public required string StateCode { get; init; }
    public required ConsultationOutcome Outcome { get; init; }
    public required Organ ClosedBy { get; init; }
    public required DateTimeOffset ClosedAt { get; init; }
    /// <summary>Postponed: Art 89(2), 94 or 95, and the end of the agreed period.</summary>
    public PostponementGround? PostponementGround { get; init; }
    public DateTimeOffset? PostponedUntil { get; init; }
    /// <summary>Modified: the version re-sent, and the JSON paths of the elements that changed (never their values).</summary>
    public int? NewVersion { get; init; }
    public IReadOnlyList<string> ChangedElements { get; init; } = [];
    /// <summary>The issuing organ's closing note, if any.</summary>
    public string? Note { get; init; }
}
