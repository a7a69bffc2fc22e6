using Cooperation.Confidentiality;
using Cooperation.NonCompliance;
using Cooperation.Organs;

namespace Cooperation.Contracts.NonCompliance;

/// <summary>One step of a matter as the State concerned learns it: the step, the decision reference (none for its own observations), the date.</summary>
public sealed record MatterStepNotice(MatterStep Step, string? DecisionReference, DateOnly On);

/// <summary>
/// Registry → the State concerned (its own queue, <see cref="Addresses.ToState"/>): a step of the non-compliance
/// matter about it was recorded. Carries every step so far, so the State's copy is whole after any one message; the
/// State keeps the one with the most steps. Never sent to another State.
/// </summary>
public sealed record MatterStepRecorded : ICooperationMessage
{
    public required Guid RequestId { get; init; }
    public required int RequestVersion { get; init; }
    public required Organ SenderOrgan { get; init; }
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required IReadOnlyList<string> Readers { get; init; }

    public required Guid MatterId { get; init; }
    public required string StateCode { get; init; }
    /// <summary>The request's human reference (REG-2026-000123).</summary>
    public required string RequestReference { get; init; }
    public required MatterStep Step { get; init; }
    public required IReadOnlyList<MatterStepNotice> Steps { get; init; }
    /// <summary>Regulation 109 of the Regulations of the Court: the State's observations are due by the end of this day (UTC).</summary>
    public DateOnly? ObservationsDueBy { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
}

/// <summary>
/// State → Registry (the State's own outbound exchange, <see cref="Addresses.FromStateTo"/>): the State's observations on a
/// matter concerning it (Regulation 109). Admitted only from that State's queue and only about its own matter.
/// </summary>
public sealed record MatterObservationsSubmitted : ICooperationMessage
{
    public required Guid RequestId { get; init; }
    public required int RequestVersion { get; init; }
    public required Organ SenderOrgan { get; init; }
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required IReadOnlyList<string> Readers { get; init; }

    public required Guid MatterId { get; init; }
    public required string StateCode { get; init; }
    /// <summary>Capped by <see cref="Limits.StateInputLimits.MaxText"/>.</summary>
    public required string Text { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
}
