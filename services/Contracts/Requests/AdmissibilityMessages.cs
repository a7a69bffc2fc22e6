using Cooperation.Confidentiality;
using Cooperation.Organs;

namespace Cooperation.Contracts.Requests;

/// <summary>Prosecutor → State: Art 94(2), during an Art 94 postponement, measures sought to preserve evidence (Art 93(1)(j)).</summary>
public sealed record PreservationMeasuresSought : ICooperationMessage
{
    public required Guid RequestId { get; init; }
    public required int RequestVersion { get; init; }
    public required Organ SenderOrgan { get; init; }
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required IReadOnlyList<string> Readers { get; init; }
    public required string StateCode { get; init; }
    public required string Measures { get; init; }
}

/// <summary>Issuing organ → State: the Court's admissibility ruling, which ends a postponement on Art 89(2) or 95.</summary>
public sealed record AdmissibilityRuled : ICooperationMessage
{
    public required Guid RequestId { get; init; }
    public required int RequestVersion { get; init; }
    public required Organ SenderOrgan { get; init; }
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required IReadOnlyList<string> Readers { get; init; }
    public required string StateCode { get; init; }
    public required bool Admissible { get; init; }
    public required string Reference { get; init; }
}

/// <summary>Issuing organ → State: Art 95, the Court ordered that the Prosecutor may pursue the collection of evidence.</summary>
public sealed record EvidenceCollectionOrdered : ICooperationMessage
{
    public required Guid RequestId { get; init; }
    public required int RequestVersion { get; init; }
    public required Organ SenderOrgan { get; init; }
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required IReadOnlyList<string> Readers { get; init; }
    public required string StateCode { get; init; }
    public required string Reference { get; init; }
}

/// <summary>
/// Prosecutor → State: Art 99(4), the Prosecutor executes the request directly on the State's territory, after
/// consultations; <see cref="Case"/> says whether 99(4)(a) or (b) applies.
/// </summary>
public sealed record DirectExecutionNotified : ICooperationMessage
{
    public required Guid RequestId { get; init; }
    public required int RequestVersion { get; init; }
    public required Organ SenderOrgan { get; init; }
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required IReadOnlyList<string> Readers { get; init; }
    public required string StateCode { get; init; }
    public required Cooperation.Requests.DirectExecution.DirectExecutionPlan Plan { get; init; }
    public required Cooperation.Requests.DirectExecution.DirectExecutionCase Case { get; init; }
}
