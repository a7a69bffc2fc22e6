using Cooperation.Confidentiality;
using Cooperation.Consultations;
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
    /// <summary>Art 97: an open consultation never suspends the duty to execute, for any kind (always false).</summary>
    bool DutyToExecuteSuspendedByConsultation,
    /// <summary>Only an accepted postponement (Art 89(2), 93(9)(a), 94, 95) suspends execution.</summary>
    bool DutyToExecuteSuspended,
    /// <summary>The agreed end of a postponement, while postponed.</summary>
    DateTimeOffset? PostponedUntil,
    /// <summary>Art 94(1): a period proposed by one side and not yet agreed by the other.</summary>
    PostponementProposal? PendingPostponement,
    /// <summary>The language of the translation travelling with the request, if any (Art 87(2), RPE 178).</summary>
    string? TranslationLanguage)
{
    public static RequestView From(CooperationRequest r) => new(
        r.Id, r.Reference, r.Kind, r.StateCode, r.IssuingOrgan, r.Classification, r.Readers, r.Language, r.Urgent,
        r.Version, r.Status, r.Contents,
        new EvidenceView(r.SubmittedAt, r.DeliveredAt, r.AcknowledgedAt, r.AcknowledgedBy, EvidenceView.SignalOf(r)),
        r.CreatedAt,
        r.History.OrderBy(h => h.Sequence).Select(h => new HistoryView(h.At, h.Actor, h.What, h.FromStatus, h.ToStatus, h.Version)).ToList(),
        r.Reports,
        r.Lifecycle.ConfirmationDue,
        DutyToExecute.SuspendedByConsultation,
        DutyToExecute.Suspended(r.Lifecycle),
        r.Lifecycle.PostponedUntil,
        r.Lifecycle.PendingPostponement,
        r.TranslationLanguage);
}

/// <summary>Submitted (the organ committed it), Delivered (the State's node persisted it), Acknowledged (someone at the State accepted it).</summary>
public sealed record EvidenceView(
    DateTimeOffset? SubmittedAt, DateTimeOffset? DeliveredAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, string? Signal = null)
{
    /// <summary>The latest signal still relevant: delivery-overdue, delivery-warning, acknowledgement-overdue, acknowledgement-warning, or none.</summary>
    public static string? SignalOf(CooperationRequest r) => r.Status switch
    {
        RequestStatus.Transmitted => r.DeliveryOverdueAt is not null ? "delivery-overdue" : r.DeliveryWarningAt is not null ? "delivery-warning" : null,
        RequestStatus.Delivered => r.AcknowledgementOverdueAt is not null ? "acknowledgement-overdue"
            : r.AcknowledgementWarningAt is not null ? "acknowledgement-warning" : null,
        _ => null,
    };
}

public sealed record HistoryView(DateTimeOffset At, string Actor, string What, RequestStatus From, RequestStatus To, int Version);

/// <summary>A page of requests, newest first; pass <c>next</c> as <c>cursor</c> for the following page.</summary>
public sealed record RequestPage(IReadOnlyList<RequestSummary> Items, string? Next);

public sealed record RequestSummary(
    Guid Id, string Reference, RequestKind Kind, string StateCode, Classification Classification,
    RequestStatus Status, int Version, DateTimeOffset CreatedAt, EvidenceView Evidence);
