using Cooperation.Confidentiality;
using Cooperation.Consultations;
using Cooperation.Contracts.Consultations;
using Cooperation.Organs;
using Cooperation.Requests;

namespace Cooperation.Proceedings.Consultations;

/// <summary>A consultation as either party reads it; the same shape on both sides.</summary>
public sealed record ConsultationView(
    Guid Id,
    Guid RequestId,
    int RequestVersion,
    string StateCode,
    Organ IssuingOrgan,
    RequestKind RequestKind,
    RequestStatus RequestStatus,
    Classification Classification,
    Organ OpenedBy,
    DateTimeOffset OpenedAt,
    IReadOnlyList<GroundView> Grounds,
    string? OtherGroundText,
    string Description,
    ConsultationProposals Proposals,
    DateOnly? ReplyBy,
    ConsultationStatus Status,
    DutyToExecuteView DutyToExecute,
    ServiceLevelView ServiceLevel,
    OutcomeView? Outcome,
    IReadOnlyList<ConsultationMessageView> Messages)
{
    public static ConsultationView From(ConsultationRecord c, RequestStatus requestStatus, ConsultationServiceLevels levels) => new(
        c.Id, c.RequestId, c.RequestVersion, c.StateCode, c.IssuingOrgan, c.RequestKind, requestStatus, c.Classification,
        c.OpenedBy, c.OpenedAt,
        c.Grounds.Select(g => new GroundView(g, ConsultationGrounds.Basis(g), ConsultationGrounds.Problem(g))).ToList(),
        c.OtherGroundText, c.Description, c.Proposals, c.ReplyBy, c.Status,
        DutyToExecuteView.For(c.RequestKind, c.Grounds),
        ServiceLevelView.For(c, levels),
        c.Outcome is { } outcome
            ? new OutcomeView(outcome, c.ClosedBy, c.ClosedAt, c.ClosingNote, c.PostponementGround, c.PostponedUntil, c.NewVersion, c.ChangedElements)
            : null,
        c.Entries.OrderBy(e => e.PostedAt).ThenBy(e => e.Id)
            .Select(e => new ConsultationMessageView(e.Id, e.AuthorOrgan, e.Classification, e.PostedAt, e.Text, e.Attachments)).ToList());
}

public sealed record GroundView(ConsultationGround Ground, string Basis, string Problem);

/// <summary>Stated plainly on every consultation: it never suspends the State's duty to execute (Art 97).</summary>
public sealed record DutyToExecuteView(bool Suspended, string Statement)
{
    public static DutyToExecuteView For(RequestKind kind, IReadOnlyCollection<ConsultationGround> grounds) =>
        new(DutyToExecute.SuspendedByConsultation, DutyToExecute.WhileConsulting(kind, grounds));
}

public sealed record ServiceLevelView(
    DateTimeOffset MeasuredFrom,
    TimeSpan TimeToOpen,
    TimeSpan MaxToOpen,
    DateTimeOffset? FirstCourtAnswerAt,
    TimeSpan? TimeToFirstCourtAnswer,
    TimeSpan MaxToFirstCourtAnswer,
    IReadOnlyList<BreachView> Breaches)
{
    public static ServiceLevelView For(ConsultationRecord c, ConsultationServiceLevels levels)
    {
        var level = levels.Level;
        var from = c.MeasuredFrom ?? c.OpenedAt;
        var answeredAt = c.FirstCourtAnswerAt ?? (c.OpenedBy == Organ.State ? c.ClosedAt : null);
        return new ServiceLevelView(from, c.OpenedAt - from, level.MaxToOpen, answeredAt, answeredAt - c.OpenedAt,
            level.MaxToFirstCourtAnswer,
            levels.Check(c).Select(b => new BreachView(b.Measure, b.Allowed, b.Elapsed, b.Ongoing)).ToList());
    }
}

public sealed record BreachView(ServiceLevelMeasure Measure, TimeSpan Allowed, TimeSpan Elapsed, bool Ongoing);

public sealed record OutcomeView(
    ConsultationOutcome Outcome, Organ? ClosedBy, DateTimeOffset? ClosedAt, string? Note,
    PostponementGround? PostponementGround, DateTimeOffset? PostponedUntil, int? NewVersion, IReadOnlyList<string> ChangedElements);

public sealed record ConsultationMessageView(
    Guid Id, Organ AuthorOrgan, Classification Classification, DateTimeOffset PostedAt, string Text, IReadOnlyList<AttachmentMetadata> Attachments);
