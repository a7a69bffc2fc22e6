using Cooperation.Confidentiality;
using Cooperation.Consultations;
using Cooperation.Contracts.Consultations;
using Cooperation.Requests;

namespace Cooperation.Proceedings.Consultations;

/// <summary>Opens an Art 97 consultation (State or issuing organ).</summary>
public sealed record OpenConsultationBody
{
    public IReadOnlyList<ConsultationGround>? Grounds { get; init; }
    /// <summary>Required when a ground is Other.</summary>
    public string? OtherGroundText { get; init; }
    /// <summary>What stands in the way of execution.</summary>
    public string? Description { get; init; }
    public ConsultationProposals? Proposals { get; init; }
    /// <summary>When the State met the problem; "without delay" is measured from it (else from delivery).</summary>
    public DateTimeOffset? ProblemRecordedAt { get; init; }
    /// <summary>The date by which the opener wants an answer; reminders and a miss are scheduled.</summary>
    public DateOnly? ReplyBy { get; init; }
    /// <summary>Defaults to the request's classification.</summary>
    public Classification? Classification { get; init; }
}

public sealed record AttachmentBody
{
    public string? Name { get; init; }
    public long? Size { get; init; }
    /// <summary>Hex SHA-256 of the file (64 characters).</summary>
    public string? Sha256 { get; init; }
}

/// <summary>A message in an open consultation.</summary>
public sealed record PostConsultationMessageBody
{
    public string? Text { get; init; }
    public Classification? Classification { get; init; }
    public IReadOnlyList<AttachmentBody>? Attachments { get; init; }
}

/// <summary>Closes a consultation (issuing organ). Modified is done by POST .../modify, which carries the new version.</summary>
public sealed record CloseConsultationBody
{
    public ConsultationOutcome? Outcome { get; init; }
    /// <summary>Postponed: Art 89(2) NeBisInIdemChallenge, 94 NationalProceedings, 95 AdmissibilityChallenge.</summary>
    public PostponementGround? Ground { get; init; }
    /// <summary>Postponed: the end of the agreed period (or give <see cref="PeriodDays"/>).</summary>
    public DateTimeOffset? Until { get; init; }
    public int? PeriodDays { get; init; }
    public string? Note { get; init; }
}

/// <summary>New contents for a request: re-sent as version + 1, closing an open consultation as Modified.</summary>
public sealed record ModifyRequestBody
{
    public RequestContents? Contents { get; init; }
    /// <summary>The consultation this modification answers; required while the request is in consultation.</summary>
    public Guid? ConsultationId { get; init; }
    public string? Note { get; init; }
}
