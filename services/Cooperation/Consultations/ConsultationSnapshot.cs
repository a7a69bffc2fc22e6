using Cooperation.Organs;

namespace Cooperation.Consultations;

public enum ConsultationStatus
{
    Open,
    Closed,
}

/// <summary>
/// One Art 97 consultation on one request, between the requested State and the organ that issued the
/// request (the Registry for the Chambers' requests, the Prosecutor for its own; RPE 176(2)).
/// </summary>
public sealed record ConsultationSnapshot
{
    public required ConsultationStatus Status { get; init; }
    /// <summary>The Court side: the organ that issued the request, which answers.</summary>
    public required Organ IssuingOrgan { get; init; }
    public required StateCode State { get; init; }
    public required Organ OpenedBy { get; init; }
    public required DateTimeOffset OpenedAt { get; init; }
    public IReadOnlyList<ConsultationGround> Grounds { get; init; } = [];
    public int MessageCount { get; init; }
    /// <summary>When the issuing organ first wrote in a consultation the State opened (service level, Art 97).</summary>
    public DateTimeOffset? FirstCourtAnswerAt { get; init; }
    public ConsultationOutcome? Outcome { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
}
