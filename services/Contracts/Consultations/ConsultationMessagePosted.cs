using Cooperation.Confidentiality;
using Cooperation.Organs;

namespace Cooperation.Contracts.Consultations;

/// <summary>Either party → the other: a message in an open consultation, with attachment metadata.</summary>
public sealed record ConsultationMessagePosted : ICooperationMessage
{
    public required Guid RequestId { get; init; }
    public required int RequestVersion { get; init; }
    public required Organ SenderOrgan { get; init; }
    /// <summary>Of this message (it may be higher than the request's).</summary>
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required IReadOnlyList<string> Readers { get; init; }

    public required Guid ConsultationId { get; init; }
    /// <summary>The thread entry's id, the same on both sides.</summary>
    public required Guid EntryId { get; init; }
    public required string StateCode { get; init; }
    public required Organ AuthorOrgan { get; init; }
    public required DateTimeOffset PostedAt { get; init; }
    public required string Text { get; init; }
    public IReadOnlyList<AttachmentMetadata> Attachments { get; init; } = [];
}
