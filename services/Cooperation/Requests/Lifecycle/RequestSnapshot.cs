using Cooperation.Confidentiality;

namespace Cooperation.Requests;

/// <summary>
/// What the lifecycle needs to know about one request, whatever the service stores. Immutable:
/// <see cref="RequestLifecycle.Decide"/> returns a new one.
/// </summary>
public sealed record RequestSnapshot
{
    public required RequestKind Kind { get; init; }
    public required RequestStatus Status { get; init; }
    /// <summary>Starts at 1; each modification re-sends the request as the next version.</summary>
    public int Version { get; init; } = 1;
    public Classification Classification { get; init; } = Classification.Confidential;
    /// <summary>The reference of the decision that authorised unsealing, once unsealed.</summary>
    public string? UnsealedByDecision { get; init; }
    /// <summary>For 93(5) denials, which apply to 93(1)(l) assistance only.</summary>
    public AssistanceMeasure? Measure { get; init; }
    /// <summary>Where the request returns when the consultation ends with "resumed".</summary>
    public RequestStatus? StatusBeforeConsultation { get; init; }
    /// <summary>Where the request returns when a postponement ends.</summary>
    public RequestStatus? StatusBeforePostponement { get; init; }
    public PostponementGround? PostponementGround { get; init; }
    public DateTimeOffset? PostponedUntil { get; init; }
    /// <summary>Art 94(1): a postponement period proposed by one side and not yet agreed by the other; execution goes on meanwhile.</summary>
    public PostponementProposal? PendingPostponement { get; init; }
    /// <summary>Art 94(1): before postponing, the State considered whether the assistance could be given at once on conditions.</summary>
    public bool PostponementConditionsConsidered { get; init; }
    /// <summary>Art 94(2): the Prosecutor sought measures to preserve evidence during an Art 94 postponement.</summary>
    public bool PreservationMeasuresSought { get; init; }
    /// <summary>Art 94(2): the measures the Prosecutor sought.</summary>
    public string? PreservationMeasures { get; init; }
    /// <summary>Art 93(4): part of the request was denied; the rest goes on being executed.</summary>
    public bool PartlyDenied { get; init; }
    /// <summary>Art 95: the Court ordered that the Prosecutor may pursue the collection of evidence despite the admissibility challenge.</summary>
    public bool EvidenceCollectionOrdered { get; init; }
    /// <summary>Art 95: the reference of that order.</summary>
    public string? EvidenceCollectionOrderReference { get; init; }
    /// <summary>Art 89(2), 95: the reference of the admissibility ruling that ended the postponement.</summary>
    public string? AdmissibilityRulingReference { get; init; }
    /// <summary>Art 99(4): the Prosecutor's direct executions on the State's territory.</summary>
    public IReadOnlyList<DirectExecution.DirectExecutionRecord> DirectExecutions { get; init; } = [];
    /// <summary>Art 87(1)(b): transmissions through INTERPOL or a regional organisation, beside the designated channel.</summary>
    public IReadOnlyList<Channels.OrganisationTransmission> OrganisationTransmissions { get; init; } = [];
    /// <summary>Art 90: a competing extradition request for the same person, as notified under 90(1), with the Court's determination.</summary>
    public Competing.CompetingExtradition? CompetingExtradition { get; init; }
    /// <summary>
    /// Sent by any medium leaving a written record. Urgent requests under Art 91(1) (arrest and surrender) and
    /// 96(1) (other assistance) are then confirmed through the designated channel; a provisional arrest (Art 92)
    /// is urgent by nature but owes no confirmation.
    /// </summary>
    public bool Urgent { get; init; }
    public bool ConfirmationRecorded { get; init; }
    /// <summary>When the current version was transmitted.</summary>
    public DateTimeOffset? TransmittedAt { get; init; }
    /// <summary>When version 1 was transmitted: the request is "in progress" from then on (RPE 180(2)).</summary>
    public DateTimeOffset? FirstTransmittedAt { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>
    /// Art 91(1), 96(1): an urgent request for arrest and surrender or for other assistance is confirmed through
    /// the Art 87(1)(a) channel. A provisional arrest (Art 92) and a transit request owe none: the follow-up of a
    /// provisional arrest is the surrender request and documents within 60 days (RPE 188).
    /// </summary>
    public bool OwesConfirmation => Urgent && Kind is RequestKind.ArrestAndSurrender or RequestKind.OtherAssistance;

    /// <summary>An urgent request that owes a confirmation (<see cref="OwesConfirmation"/>) went out, and the confirmation has not.</summary>
    public bool ConfirmationDue =>
        OwesConfirmation && TransmittedAt is not null && !ConfirmationRecorded && !Status.IsTerminal();

    /// <summary>A new request in Draft. A provisional arrest is urgent by nature (Art 92(1)), but owes no confirmation.</summary>
    public static RequestSnapshot New(
        RequestKind kind,
        Classification classification = Classification.Confidential,
        bool urgent = false,
        AssistanceMeasure? measure = null) => new()
        {
            Kind = kind,
            Status = RequestStatus.Draft,
            Version = 1,
            Classification = classification,
            Urgent = urgent || kind == RequestKind.ProvisionalArrest,
            Measure = measure,
        };
}

/// <summary>Art 94(1): a postponement period one side proposed; the other accepts it or proposes another.</summary>
public sealed record PostponementProposal(PostponementGround Ground, DateTimeOffset Until, Party ProposedBy);
