using System.Text.Json;
using Cooperation.ServiceDefaults.Persistence;
using Cooperation.Confidentiality;
using Cooperation.Organs;
using Cooperation.Requests;

namespace Cooperation.Court.Requests;

/// <summary>A request as its issuing organ keeps it, with the evidence of its transmission.</summary>
public sealed class CooperationRequest
{
    private static readonly JsonSerializerOptions Json = StoredJson.Options;

    public Guid Id { get; set; }
    /// <summary>Human reference, e.g. REG-2026-000123.</summary>
    public string Reference { get; set; } = "";
    public RequestKind Kind { get; set; }
    public string StateCode { get; set; } = "";
    public Organ IssuingOrgan { get; set; }
    public Classification Classification { get; set; }
    public string ReadersJson { get; set; } = "[]";
    public string Language { get; set; } = "";
    /// <summary>Language of a translation that travels with the request, if any (RPE 178).</summary>
    public string? TranslationLanguage { get; set; }
    public bool Urgent { get; set; }
    public string ContentsJson { get; set; } = "{}";
    public int Version { get; set; } = 1;
    public RequestStatus Status { get; set; } = RequestStatus.Draft;
    public DateTimeOffset CreatedAt { get; set; }

    // Evidence (design.md, "Evidence, not just delivery").
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }

    // Signals raised when evidence does not come in time (Requests/Evidence/Signals), once each.
    public DateTimeOffset? DeliveryWarningAt { get; set; }
    public DateTimeOffset? DeliveryOverdueAt { get; set; }
    public DateTimeOffset? AcknowledgementWarningAt { get; set; }
    public DateTimeOffset? AcknowledgementOverdueAt { get; set; }

    public List<RequestHistoryEntry> History { get; set; } = [];

    /// <summary>The domain's <see cref="RequestSnapshot"/> as JSON; Status and Version above are its queryable copies.</summary>
    public string LifecycleJson { get; set; } = "";

    /// <summary>Optimistic concurrency: bumped by every change of lifecycle, so two writers cannot both win.</summary>
    public int Revision { get; set; }

    // What the State reported (progress, results, denial reasons, postponements) is kept as rows
    // (StateReport); the request holds only their count and the latest, so reading or listing requests
    // never loads the reports themselves.
    public int ReportCount { get; set; }
    public Guid? LatestReportId { get; set; }
    public DateTimeOffset? LatestReportAt { get; set; }
    public string? LatestReportWhat { get; set; }

    /// <summary>
    /// Numbers a new report and makes it the latest. Called after an accepted transition, whose
    /// revision bump makes a concurrent writer retry, so two reports never get the same number.
    /// </summary>
    public StateReport AddReport(StateReport report)
    {
        report.Id = Guid.CreateVersion7();
        report.RequestId = Id;
        report.Sequence = ReportCount++;
        (LatestReportId, LatestReportAt, LatestReportWhat) = (report.Id, report.At, report.What);
        return report;
    }

    public RequestSnapshot Lifecycle
    {
        get => LifecycleJson.Length > 0
            ? JsonSerializer.Deserialize<RequestSnapshot>(LifecycleJson, Json)!
            : RequestSnapshot.New(Kind, Classification, Urgent, Contents.Measure);
        set
        {
            LifecycleJson = JsonSerializer.Serialize(value, Json);
            Revision++;
            Status = value.Status;
            Version = value.Version;
            Classification = value.Classification;
        }
    }

    public IReadOnlyList<string> Readers
    {
        get => JsonSerializer.Deserialize<List<string>>(ReadersJson, Json) ?? [];
        set => ReadersJson = JsonSerializer.Serialize(value, Json);
    }

    public RequestContents Contents
    {
        get => JsonSerializer.Deserialize<RequestContents>(ContentsJson, Json) ?? new RequestContents();
        set => ContentsJson = JsonSerializer.Serialize(value, Json);
    }

    /// <summary>
    /// Asks the lifecycle; if it accepts, stores the new state and a history entry (who, what, when,
    /// which version). If it refuses, nothing changes.
    /// </summary>
    public Decision Apply(RequestCommand command, string actor, DateTimeOffset at)
    {
        var decision = RequestLifecycle.Decide(Lifecycle, command);
        if (decision is Decision.Accepted accepted)
        {
            Lifecycle = accepted.Snapshot;
            Record(accepted.Entry.Event, accepted.Entry.From, accepted.Entry.To, actor, at);
        }
        return decision;
    }

    public void Record(string what, RequestStatus from, RequestStatus to, string actor, DateTimeOffset at) =>
        History.Add(new RequestHistoryEntry
        {
            Id = Guid.CreateVersion7(),
            RequestId = Id,
            Sequence = History.Count,
            At = at,
            Actor = actor,
            What = what,
            FromStatus = from,
            ToStatus = to,
            Version = Version,
            TraceId = System.Diagnostics.Activity.Current?.TraceId.ToHexString(),
        });
}
