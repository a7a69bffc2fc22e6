using System.ComponentModel;
using Cooperation.Confidentiality;
using Cooperation.Consultations;
using Cooperation.Organs;
using Cooperation.Requests;

namespace Cooperation.State.Requests.Queries;

public sealed record ReceivedRequestView(
    Guid Id, string Reference, RequestKind Kind, Organ IssuingOrgan, Classification Classification,
    IReadOnlyList<string> Readers, string Language, bool Urgent, int Version, RequestStatus Status,
    RequestContents Contents, ReceivedEvidenceView Evidence, IReadOnlyList<ReceivedHistoryView> History,
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
    IReadOnlyList<Cooperation.Requests.DirectExecution.DirectExecutionRecord>? DirectExecutions = null,
    [property: Description(
        "The grounds the law allows this State to deny this request on, for its kind and (assistance) its Art 93(1) measure: " +
        "Art 93(4)/72 and 73 for assistance, 93(5) for 93(1)(l), 93(7) for a temporary transfer, 93(1)(e) for a voluntary " +
        "appearance, 89(3)(a) for a transit; none for an arrest or surrender (Art 89(1)). Whether its status allows a denial now is separate. " +
        "Each item is a DenialGround name, as the deny body's ground takes it.")]
    // Names, not the enum: a client generated with NSwag reads an array of string enums as numbers and fails (GeneratedClientTests).
    IReadOnlyList<string>? DenialGroundsAllowed = null,
    [property: Description(
        "The grounds the law allows this State to postpone this request on, for its kind: Art 89(2) for a surrender, " +
        "Art 94 and 93(9)(a) for assistance, Art 95 for any. Whether its status allows a postponement now is separate. " +
        "Each item is a PostponementGround name, as the postpone body's ground takes it.")]
    IReadOnlyList<string>? PostponementGroundsAllowed = null)
{
    public static ReceivedRequestView From(ReceivedRequest r) => new(
        r.Id, r.Reference, r.Kind, r.IssuingOrgan, r.Classification, r.Readers, r.Language, r.Urgent, r.Version, r.Status,
        r.Contents, new ReceivedEvidenceView(r.SubmittedAt, r.DeliveredAt, r.AcknowledgedAt, r.AcknowledgedBy),
        r.History.OrderBy(h => h.Sequence).Select(h => new ReceivedHistoryView(h.At, h.Actor, h.What, h.FromStatus, h.ToStatus, h.Version, h.TraceId)).ToList(),
        r.Lifecycle.ConfirmationDue,
        DutyToExecute.SuspendedByConsultation,
        DutyToExecute.Suspended(r.Lifecycle),
        r.Lifecycle.PostponedUntil,
        r.Lifecycle.PendingPostponement,
        r.TranslationLanguage,
        Cooperation.Proceedings.Competing.CompetingExtraditionView.From(r.Lifecycle.CompetingExtradition),
        Cooperation.Proceedings.Admissibility.AdmissibilityRecordView.From(r.Lifecycle),
        r.Lifecycle.OrganisationTransmissions,
        r.Lifecycle.DirectExecutions,
        RequestLifecycle.DenialGroundsFor(r.Kind, r.Lifecycle.Measure).Select(g => g.ToString()).ToList(),
        RequestLifecycle.PostponementGroundsFor(r.Kind).Select(g => g.ToString()).ToList());
}

public sealed record ReceivedEvidenceView(
    DateTimeOffset SubmittedAt, DateTimeOffset DeliveredAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy);

public sealed record ReceivedRequestSummary(
    Guid Id, string Reference, RequestKind Kind, Organ IssuingOrgan, Classification Classification,
    RequestStatus Status, int Version, DateTimeOffset DeliveredAt);

public sealed record ReceivedRequestPage(IReadOnlyList<ReceivedRequestSummary> Items, string? Next);

public sealed record ReceivedHistoryView(DateTimeOffset At, string Actor, string What, RequestStatus From, RequestStatus To, int Version, string? TraceId);
