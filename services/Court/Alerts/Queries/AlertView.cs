using Cooperation.Alerts;
using Cooperation.Confidentiality;
using Cooperation.Consultations;

namespace Cooperation.Court.Alerts.Queries;

/// <summary>The Registry's board of one alert: one entry per State, with its evidence and what the State did.</summary>
public sealed record AlertView(
    Guid Id, string Reference, Guid RequestId, Classification Classification, DateTimeOffset CreatedAt,
    AlertCounts Counts, IReadOnlyList<AlertEntryView> States)
{
    public static AlertView From(TravelAlertRecord a)
    {
        var entries = a.Entries.OrderBy(e => e.StateCode, StringComparer.Ordinal).Select(AlertEntryView.From).ToList();
        return new AlertView(a.Id, a.Reference, a.SourceRequestId, a.Classification, a.CreatedAt, AlertCounts.Of(entries), entries);
    }
}

public sealed record AlertCounts(int States, int Delivered, int Acknowledged, int Overdue, int Consultations, int Arrests)
{
    public static AlertCounts Of(IReadOnlyCollection<AlertEntryView> e) => new(
        e.Count,
        e.Count(x => x.Stage != AlertStage.Sent),
        e.Count(x => x.Stage == AlertStage.Acknowledged),
        e.Count(x => x.Signal == AcknowledgementSignal.Overdue && x.Stage != AlertStage.Acknowledged),
        e.Count(x => x.Consultation is not null),
        e.Count(x => x.ArrestNotifiedOn is not null));
}

public sealed record AlertEntryView(
    string StateCode,
    TravelRole Role,
    string? KnownDetails,
    Guid RequestId,
    string RequestReference,
    bool RequestSentWithAlert,
    AlertStage Stage,
    DateTimeOffset SentAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    bool AcknowledgedLate,
    DateTimeOffset AcknowledgeBy,
    AcknowledgementSignal Signal,
    DateTimeOffset? WarningAt,
    DateTimeOffset? OverdueAt,
    AlertConsultationView? Consultation,
    VisitView Visit,
    DateOnly? ArrestNotifiedOn,
    AssemblyNotifiedView Assembly)
{
    public static AlertEntryView From(TravelAlertEntry e)
    {
        var s = e.Snapshot;
        return new AlertEntryView(
            e.StateCode, e.Role, e.KnownDetails, e.RequestId, e.RequestReference, e.RequestSentWithAlert,
            s.Stage, s.SentAt, s.DeliveredAt, s.AcknowledgedAt, s.AcknowledgedBy, s.AcknowledgedLate, s.AcknowledgeBy,
            s.Signal, s.WarningAt, s.OverdueAt,
            s.ConsultationId is { } cid ? new AlertConsultationView(cid, s.ConsultationGrounds, s.ConsultationOpenedAt) : null,
            new VisitView(s.Visit, s.ExpectedFrom, s.ExpectedUntil, s.VisitReportedAt),
            s.ArrestNotifiedOn,
            new AssemblyNotifiedView(s.AssemblyNotifiedOfIncidentAt, s.AssemblyNotifiedOfOverdueAt));
    }
}

public sealed record AlertConsultationView(Guid Id, IReadOnlyList<ConsultationGround> Grounds, DateTimeOffset? OpenedAt);

public sealed record VisitView(VisitStatus Status, DateOnly ExpectedFrom, DateOnly ExpectedUntil, DateTimeOffset? ReportedAt);

public sealed record AssemblyNotifiedView(DateTimeOffset? ImminentIncidentAt, DateTimeOffset? OverdueAt);

/// <summary>One alert in a list: the evidence counts only (the board has the rest).</summary>
public sealed record AlertSummary(
    Guid Id, string Reference, Guid RequestId, Classification Classification, DateTimeOffset CreatedAt,
    int States, int Delivered, int Acknowledged, int Overdue);

public sealed record AlertPage(IReadOnlyList<AlertSummary> Items, string? Next);
