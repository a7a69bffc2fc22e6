using Cooperation.Confidentiality;
using Cooperation.Contracts.Requests;
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
    /// <summary>How many reports the State sent and the latest; the reports themselves: GET …/requests/{id}/reports.</summary>
    ReportsSummaryView Reports,
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
    string? TranslationLanguage,
    /// <summary>Art 90: a competing extradition request for the same person, the Court's determination, the priority.</summary>
    Cooperation.Proceedings.Competing.CompetingExtraditionView? CompetingExtradition = null,
    /// <summary>Art 94(2), 95, 89(2): preservation measures sought, the order that evidence collection continue, the admissibility ruling.</summary>
    Cooperation.Proceedings.Admissibility.AdmissibilityRecordView? Admissibility = null,
    /// <summary>Art 87(1)(b): transmissions through INTERPOL or a regional organisation, beside the designated channel.</summary>
    IReadOnlyList<Cooperation.Requests.Channels.OrganisationTransmission>? OrganisationTransmissions = null,
    /// <summary>Art 99(4): the Prosecutor's direct executions on the State's territory, each with its case (99(4)(a) or (b)).</summary>
    IReadOnlyList<Cooperation.Requests.DirectExecution.DirectExecutionRecord>? DirectExecutions = null)
{
    public static RequestView From(CooperationRequest r) => new(
        r.Id, r.Reference, r.Kind, r.StateCode, r.IssuingOrgan, r.Classification, r.Readers, r.Language, r.Urgent,
        r.Version, r.Status, r.Contents,
        new EvidenceView(r.SubmittedAt, r.DeliveredAt, r.AcknowledgedAt, r.AcknowledgedBy, EvidenceView.SignalOf(r)),
        r.CreatedAt,
        r.History.OrderBy(h => h.Sequence).Select(h => new HistoryView(h.At, h.Actor, h.What, h.FromStatus, h.ToStatus, h.Version, h.TraceId)).ToList(),
        new ReportsSummaryView(r.ReportCount,
            r.LatestReportId is { } latest ? new ReportSummaryView(latest, r.LatestReportAt!.Value, r.LatestReportWhat!) : null),
        r.Lifecycle.ConfirmationDue,
        DutyToExecute.SuspendedByConsultation,
        DutyToExecute.Suspended(r.Lifecycle),
        r.Lifecycle.PostponedUntil,
        r.Lifecycle.PendingPostponement,
        r.TranslationLanguage,
        Cooperation.Proceedings.Competing.CompetingExtraditionView.From(r.Lifecycle.CompetingExtradition),
        Cooperation.Proceedings.Admissibility.AdmissibilityRecordView.From(r.Lifecycle),
        r.Lifecycle.OrganisationTransmissions,
        r.Lifecycle.DirectExecutions);
}

/// <summary>Submitted (the organ committed it), Delivered (the State's node persisted it), Acknowledged (someone at the State accepted it).</summary>
public sealed record EvidenceView(
    DateTimeOffset? SubmittedAt, DateTimeOffset? DeliveredAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, string? Signal = null)
{
    /// <summary>The latest signal still relevant: delivery-overdue, delivery-warning, acknowledgement-overdue, acknowledgement-warning, or none.</summary>
    public static string? SignalOf(CooperationRequest r) =>
        SignalOf(r.Status, r.DeliveryWarningAt, r.DeliveryOverdueAt, r.AcknowledgementWarningAt, r.AcknowledgementOverdueAt);

    /// <summary>The same from the columns alone, so a list query can select just those.</summary>
    public static string? SignalOf(
        RequestStatus status, DateTimeOffset? deliveryWarningAt, DateTimeOffset? deliveryOverdueAt,
        DateTimeOffset? acknowledgementWarningAt, DateTimeOffset? acknowledgementOverdueAt) => status switch
    {
        RequestStatus.Transmitted => deliveryOverdueAt is not null ? "delivery-overdue" : deliveryWarningAt is not null ? "delivery-warning" : null,
        RequestStatus.Delivered => acknowledgementOverdueAt is not null ? "acknowledgement-overdue"
            : acknowledgementWarningAt is not null ? "acknowledgement-warning" : null,
        _ => null,
    };
}

/// <summary>The State's reports on a request in short: how many, and the latest (what and when).</summary>
public sealed record ReportsSummaryView(int Count, ReportSummaryView? Latest);

public sealed record ReportSummaryView(Guid Id, DateTimeOffset At, string What);

/// <summary>One report in full, as the State sent it (RPE 176(2)).</summary>
public sealed record ReportView(
    Guid Id, int Sequence, DateTimeOffset At, string What, IReadOnlyList<ExecutionItem> Items, string? Note,
    DenialGround? DenialGround, string? Reasons, bool ReasonsWithheld, PostponementGround? PostponementGround, DateTimeOffset? Until)
{
    // ReasonsWithheld: Art 72(6), the State withheld reasons whose statement would itself prejudice.
    public static ReportView From(StateReport r) =>
        new(r.Id, r.Sequence, r.At, r.What, r.Items, r.Note, r.DenialGround, r.Reasons, r.ReasonsWithheld, r.PostponementGround, r.Until);
}

/// <summary>A page of a request's reports, newest first; pass <c>next</c> as <c>cursor</c> for the following page.</summary>
public sealed record ReportPage(IReadOnlyList<ReportView> Items, string? Next);

/// <summary>One history entry; <c>traceId</c> opens the trace that caused it in the trace viewer.</summary>
public sealed record HistoryView(DateTimeOffset At, string Actor, string What, RequestStatus From, RequestStatus To, int Version, string? TraceId);

/// <summary>A page of requests, newest first; pass <c>next</c> as <c>cursor</c> for the following page.</summary>
public sealed record RequestPage(IReadOnlyList<RequestSummary> Items, string? Next);

public sealed record RequestSummary(
    Guid Id, string Reference, RequestKind Kind, string StateCode, Classification Classification,
    RequestStatus Status, int Version, DateTimeOffset CreatedAt, EvidenceView Evidence);
