using Cooperation.Alerts;
using Cooperation.Confidentiality;
using Cooperation.Consultations;
using Cooperation.Contracts.Requests;
using Cooperation.Organs;

namespace Cooperation.Contracts.Alerts;

/// <summary>
/// Registry → one State (its own queue, never published): a person subject to a warrant is expected in your State.
/// Each State gets its own message naming only itself and its own visit: no State learns which others were alerted
/// (Art 87(3)). As confidential as the warrant behind it (<see cref="ICooperationMessage.Classification"/> is the
/// arrest request's). <see cref="ICooperationMessage.RequestId"/> is the arrest request to this State it concerns.
/// </summary>
public sealed record TravelAlertIssued : ICooperationMessage
{
    public required Guid RequestId { get; init; }
    public required int RequestVersion { get; init; }
    public required Organ SenderOrgan { get; init; }
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required IReadOnlyList<string> Readers { get; init; }

    public required Guid AlertId { get; init; }
    /// <summary>The alert's human reference, e.g. ALR-2026-000004 (the same for every State's copy; it names no State).</summary>
    public required string Reference { get; init; }
    public required string StateCode { get; init; }
    /// <summary>The arrest request's human reference, e.g. REG-2026-000012.</summary>
    public required string RequestReference { get; init; }
    public required TravelRole Role { get; init; }
    public required DateOnly ExpectedFrom { get; init; }
    public required DateOnly ExpectedUntil { get; init; }
    /// <summary>What the Court knows of this State's visit (never another State's).</summary>
    public string? KnownDetails { get; init; }
    /// <summary>The obligation the alert recalls (Art 86, 89(1)) and the invitation to consult at once (Art 97).</summary>
    public required string Obligation { get; init; }
    /// <summary>The arrest request travels with the alert (a new transmission: the State had none for this warrant).</summary>
    public required bool RequestSentWithAlert { get; init; }
    /// <summary>When the Registry expects the acknowledgement.</summary>
    public required DateTimeOffset AcknowledgeBy { get; init; }
}

/// <summary>A State → Registry message about a travel alert sent to it (checked: that State's own alert).</summary>
public interface ITravelAlertReport : IStateReport
{
    Guid AlertId { get; }
}

/// <summary>State → Registry: the State's node persisted its copy of the alert (evidence: Delivered).</summary>
public sealed record TravelAlertDelivered : ITravelAlertReport
{
    public required Guid RequestId { get; init; }
    public required int RequestVersion { get; init; }
    public Organ SenderOrgan { get; init; } = Organ.State;
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required IReadOnlyList<string> Readers { get; init; }
    public required string StateCode { get; init; }

    public required Guid AlertId { get; init; }
    public required DateTimeOffset DeliveredAt { get; init; }
}

/// <summary>State → Registry: a person or system at the State accepted the alert (evidence: Acknowledged).</summary>
public sealed record TravelAlertAcknowledged : ITravelAlertReport
{
    public required Guid RequestId { get; init; }
    public required int RequestVersion { get; init; }
    public Organ SenderOrgan { get; init; } = Organ.State;
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required IReadOnlyList<string> Readers { get; init; }
    public required string StateCode { get; init; }

    public required Guid AlertId { get; init; }
    public required DateTimeOffset AcknowledgedAt { get; init; }
    /// <summary>The office or system that acknowledged (an office, not a person's name).</summary>
    public required string AcknowledgedBy { get; init; }
}

/// <summary>
/// State → Registry: the State opened an Art 97 consultation from the alert, on the arrest request it concerns. The
/// consultation itself travels as <see cref="Consultations.ConsultationOpened"/> in the same commit.
/// </summary>
public sealed record TravelAlertConsultationOpened : ITravelAlertReport
{
    public required Guid RequestId { get; init; }
    public required int RequestVersion { get; init; }
    public Organ SenderOrgan { get; init; } = Organ.State;
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required IReadOnlyList<string> Readers { get; init; }
    public required string StateCode { get; init; }

    public required Guid AlertId { get; init; }
    public required Guid ConsultationId { get; init; }
    public required IReadOnlyList<ConsultationGround> Grounds { get; init; }
    public required DateTimeOffset OpenedAt { get; init; }
}

/// <summary>State → Registry: the visit was cancelled, or its dates changed (then both new dates, from ≤ until).</summary>
public sealed record TravelVisitReported : ITravelAlertReport
{
    public required Guid RequestId { get; init; }
    public required int RequestVersion { get; init; }
    public Organ SenderOrgan { get; init; } = Organ.State;
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required IReadOnlyList<string> Readers { get; init; }
    public required string StateCode { get; init; }

    public required Guid AlertId { get; init; }
    public required VisitStatus Visit { get; init; }
    public DateOnly? ExpectedFrom { get; init; }
    public DateOnly? ExpectedUntil { get; init; }
    public string? Note { get; init; }
    public required DateTimeOffset ReportedAt { get; init; }
}
