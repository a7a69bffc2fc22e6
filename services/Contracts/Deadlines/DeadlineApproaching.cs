using Cooperation.Confidentiality;
using Cooperation.Deadlines;
using Cooperation.Organs;

namespace Cooperation.Contracts.Deadlines;

/// <summary>
/// Owner of a deadline → the organs concerned: it falls at <see cref="DueAt"/> (a reminder, sent at each
/// configured offset before it, by default 7 days and 1 day). Ids and kinds only, never content.
/// <see cref="ICooperationMessage.RequestId"/> is <see cref="Guid.Empty"/> for a deadline tied to no request (RPE 180).
/// </summary>
public sealed record DeadlineApproaching : ICooperationMessage
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
    /// <summary>Which reminder this is, 1-based, earliest first.</summary>
    public required int Reminder { get; init; }
}
