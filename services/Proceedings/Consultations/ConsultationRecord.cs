using System.Text.Json;
using Cooperation.Confidentiality;
using Cooperation.Consultations;
using Cooperation.Contracts.Consultations;
using Cooperation.Organs;
using Cooperation.Requests;

namespace Cooperation.Proceedings.Consultations;

/// <summary>
/// An Art 97 consultation as each party stores it (the issuing organ and the State keep the same thread,
/// under the same id). Rebuilt into a <see cref="ConsultationSnapshot"/> for <see cref="ConsultationThread.Decide"/>.
/// </summary>
public sealed class ConsultationRecord
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public Guid Id { get; set; }
    public Guid RequestId { get; set; }
    public int RequestVersion { get; set; }
    public string StateCode { get; set; } = "";
    public Organ IssuingOrgan { get; set; }
    public RequestKind RequestKind { get; set; }
    public Classification Classification { get; set; }
    public Organ OpenedBy { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? ProblemRecordedAt { get; set; }
    /// <summary>Start of the "time to open" measure: the problem recorded, else the request's delivery.</summary>
    public DateTimeOffset? MeasuredFrom { get; set; }
    public string GroundsJson { get; set; } = "[]";
    public string? OtherGroundText { get; set; }
    public string Description { get; set; } = "";
    public string ProposalsJson { get; set; } = "{}";
    public DateOnly? ReplyBy { get; set; }

    public ConsultationStatus Status { get; set; }
    public int MessageCount { get; set; }
    public DateTimeOffset? FirstCourtAnswerAt { get; set; }
    /// <summary>Where the request returns on Resumed (RequestLifecycle's StatusBeforeConsultation).</summary>
    public RequestStatus? StatusBeforeConsultation { get; set; }

    public ConsultationOutcome? Outcome { get; set; }
    public Organ? ClosedBy { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosingNote { get; set; }
    public PostponementGround? PostponementGround { get; set; }
    public DateTimeOffset? PostponedUntil { get; set; }
    /// <summary>Where the request returns when a postponement agreed here ends.</summary>
    public RequestStatus? StatusBeforePostponement { get; set; }
    public int? NewVersion { get; set; }
    public string ChangedElementsJson { get; set; } = "[]";

    /// <summary>Recorded service-level breaches (Art 97 "without delay"), each counted once.</summary>
    public bool TimeToOpenBreached { get; set; }
    public bool TimeToAnswerBreached { get; set; }

    public List<ConsultationEntry> Entries { get; set; } = [];

    public IReadOnlyList<ConsultationGround> Grounds
    {
        get => JsonSerializer.Deserialize<List<ConsultationGround>>(GroundsJson, Json) ?? [];
        set => GroundsJson = JsonSerializer.Serialize(value, Json);
    }

    public ConsultationProposals Proposals
    {
        get => JsonSerializer.Deserialize<ConsultationProposals>(ProposalsJson, Json) ?? new();
        set => ProposalsJson = JsonSerializer.Serialize(value, Json);
    }

    public IReadOnlyList<string> ChangedElements
    {
        get => JsonSerializer.Deserialize<List<string>>(ChangedElementsJson, Json) ?? [];
        set => ChangedElementsJson = JsonSerializer.Serialize(value, Json);
    }

    public ConsultationSnapshot ToSnapshot() => new()
    {
        Status = Status,
        IssuingOrgan = IssuingOrgan,
        State = Organs.StateCode.Parse(StateCode),
        OpenedBy = OpenedBy,
        OpenedAt = OpenedAt,
        Grounds = Grounds,
        MessageCount = MessageCount,
        FirstCourtAnswerAt = FirstCourtAnswerAt,
        Outcome = Outcome,
        ClosedAt = ClosedAt,
    };

    public void Apply(ConsultationSnapshot s)
    {
        Status = s.Status;
        MessageCount = s.MessageCount;
        FirstCourtAnswerAt = s.FirstCourtAnswerAt;
        Outcome = s.Outcome;
        ClosedAt = s.ClosedAt;
    }
}

/// <summary>One message in a consultation thread.</summary>
public sealed class ConsultationEntry
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Guid Id { get; set; }
    public Guid ConsultationId { get; set; }
    public Organ AuthorOrgan { get; set; }
    public Classification Classification { get; set; }
    public string Text { get; set; } = "";
    public string AttachmentsJson { get; set; } = "[]";
    public DateTimeOffset PostedAt { get; set; }

    public IReadOnlyList<AttachmentMetadata> Attachments
    {
        get => JsonSerializer.Deserialize<List<AttachmentMetadata>>(AttachmentsJson, Json) ?? [];
        set => AttachmentsJson = JsonSerializer.Serialize(value, Json);
    }
}
