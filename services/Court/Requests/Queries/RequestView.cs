using Cooperation.Confidentiality;
using Cooperation.Organs;
using Cooperation.Requests;

namespace Cooperation.Court.Requests.Queries;

/// <summary>A request as its issuing organ reads it, with the evidence of its transmission.</summary>
public sealed record RequestView(
    Guid Id,
    string Reference,
    RequestKind Kind,
    string StateCode,
    Organ IssuingOrgan,
    Classification Classification,
    IReadOnlyList<string> Readers,
    string Language,
    bool Urgent,
    int Version,
    RequestStatus Status,
    RequestContents Contents,
    EvidenceView Evidence,
    DateTimeOffset CreatedAt,
    IReadOnlyList<HistoryView> History,
    IReadOnlyList<StateReport> Reports,
    bool ConfirmationDue,
    /// <summary>Art 97: whether an open consultation suspends the duty to execute (for arrest it does not).</summary>
    bool DutyToExecuteSuspendedByConsultation)
{
    public static RequestView From(CooperationRequest r) => new(
        r.Id, r.Reference, r.Kind, r.StateCode, r.IssuingOrgan, r.Classification, r.Readers, r.Language, r.Urgent,
        r.Version, r.Status, r.Contents,
        new EvidenceView(r.SubmittedAt, r.DeliveredAt, r.AcknowledgedAt, r.AcknowledgedBy),
        r.CreatedAt,
        r.History.OrderBy(h => h.Sequence).Select(h => new HistoryView(h.At, h.Actor, h.What, h.FromStatus, h.ToStatus, h.Version)).ToList(),
        r.Reports,
        r.Lifecycle.ConfirmationDue,
        RequestLifecycle.DutyToExecuteSuspended(r.Kind));
}

/// <summary>Submitted (the organ committed it), Delivered (the State's node persisted it), Acknowledged (someone at the State accepted it).</summary>
public sealed record EvidenceView(DateTimeOffset? SubmittedAt, DateTimeOffset? DeliveredAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy);

public sealed record HistoryView(DateTimeOffset At, string Actor, string What, RequestStatus From, RequestStatus To, int Version);

/// <summary>A page of requests, newest first; pass <c>next</c> as <c>cursor</c> for the following page.</summary>
public sealed record RequestPage(IReadOnlyList<RequestSummary> Items, string? Next);

public sealed record RequestSummary(
    Guid Id, string Reference, RequestKind Kind, string StateCode, Classification Classification,
    RequestStatus Status, int Version, DateTimeOffset CreatedAt, EvidenceView Evidence);
