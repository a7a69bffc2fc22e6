namespace Cooperation.Requests.Arrest;

/// <summary>The arrest path of one request to arrest, as the services store it.</summary>
public sealed record ArrestSnapshot
{
    public required ArrestStage Stage { get; init; }
    /// <summary>The path began with a provisional arrest request (Art 92), so documents follow.</summary>
    public bool Provisional { get; init; }
    /// <summary>The surrender request and supporting documents are with the State (Art 91, 92(3)).</summary>
    public bool DocumentsReceived { get; init; }
    /// <summary>The arrest date the State notified; on re-arrest (Art 92(4)), the latest one.</summary>
    public DateOnly? ArrestDate { get; init; }
    /// <summary>While awaiting documents: when they become late (RPE 188).</summary>
    public DateTimeOffset? DocumentsDueAt { get; init; }
    /// <summary>Art 92(3): released after the 60 days ran out without the documents.</summary>
    public DateOnly? ReleasedOn { get; init; }
    /// <summary>Art 59(2): when the person was brought before the competent judicial authority.</summary>
    public DateOnly? BroughtBeforeJudicialAuthorityOn { get; init; }
    /// <summary>Art 59(3)-(6): interim release pending surrender, granted on this day.</summary>
    public DateOnly? InterimReleasedOn { get; init; }
    /// <summary>Art 59(7): the custodial State ordered surrender on this day; delivery is due as soon as possible.</summary>
    public DateOnly? SurrenderOrderedOn { get; init; }
    /// <summary>Art 89(4): surrender deferred on this day, after consulting the Court; and when the national case is expected to end.</summary>
    public DateOnly? SurrenderDeferredOn { get; init; }
    public DateOnly? DeferredUntil { get; init; }
    /// <summary>RPE 183: temporarily surrendered on this day, on these conditions agreed with the Court.</summary>
    public DateOnly? TemporarilySurrenderedOn { get; init; }
    public string? TemporarySurrenderConditions { get; init; }
    /// <summary>RPE 183: returned to the requested State after the temporary surrender.</summary>
    public DateOnly? ReturnedOn { get; init; }
    public DateOnly? SurrenderDate { get; init; }
    public DateOnly? SurrenderedOn { get; init; }

    /// <summary>The start of the arrest path for a request: only arrest and surrender, or provisional arrest, have one.</summary>
    public static ArrestSnapshot Start(RequestKind kind) => kind switch
    {
        RequestKind.ProvisionalArrest => new() { Stage = ArrestStage.ProvisionalArrestRequested, Provisional = true },
        RequestKind.ArrestAndSurrender => new() { Stage = ArrestStage.SurrenderRequested, DocumentsReceived = true },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only an arrest request has an arrest path."),
    };
}
