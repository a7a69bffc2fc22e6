using Cooperation.Confidentiality;
using Cooperation.NonCompliance;
using Cooperation.Organs;

namespace Cooperation.Contracts.NonCompliance;

/// <summary>Why the Registry notifies the Assembly.</summary>
public enum NotificationReason
{
    /// <summary>A step of a non-compliance matter the Assembly has been notified of (first: the referral, Art 87(7)).</summary>
    MatterStep,
    /// <summary>A serious incident of non-cooperation is imminent or ongoing (e.g. a travel alert the Registry chooses to notify):
    /// the informal response may start before any finding (ICC-ASP/10/Res.5 annex, as amended).</summary>
    ImminentIncident,
    /// <summary>A travel alert was not acknowledged in time by the State (where configured).</summary>
    AlertOverdue,
}

/// <summary>One Chamber decision of a matter, as the Assembly may know it: step, reference, date.</summary>
public sealed record NotifiedStep(MatterStep Step, string DecisionReference, DateOnly DecidedAt);

/// <summary>
/// Registry → Assembly (<see cref="Addresses.ToAssembly"/>), through the outbox, in the caller's trace. Sent once per
/// State concerned and again on every later step; the Assembly keeps the latest (keyed on <see cref="CaseId"/>).
/// Never the contents of a request (Art 87(3)): the State, the steps, dates and document references only. A sealed
/// matter travels only once the Court has notified the Assembly of it.
/// </summary>
public sealed record NonCooperationNotified : ICooperationMessage
{
    /// <summary>The request the matter or alert is about (the Registry's id; opaque to the Assembly).</summary>
    public required Guid RequestId { get; init; }
    public required int RequestVersion { get; init; }
    public required Organ SenderOrgan { get; init; }
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required IReadOnlyList<string> Readers { get; init; }

    public required NotificationReason Reason { get; init; }
    /// <summary>The matter's id (reason MatterStep) or the travel alert's (ImminentIncident, AlertOverdue).</summary>
    public required Guid CaseId { get; init; }
    public required string StateCode { get; init; }
    /// <summary>The request's human reference, e.g. REG-2026-000123.</summary>
    public required string RequestReference { get; init; }
    /// <summary>The situation, e.g. "ICC-01/05" (public), if the Registry recorded one.</summary>
    public string? Situation { get; init; }
    /// <summary>The matter's steps so far, oldest first (empty for an incident with no matter yet).</summary>
    public IReadOnlyList<NotifiedStep> Steps { get; init; } = [];
    /// <summary>For an incident: when the person is expected in the State.</summary>
    public DateOnly? ExpectedFrom { get; init; }
    public DateOnly? ExpectedUntil { get; init; }
    public required DateTimeOffset NotifiedAt { get; init; }
}
