using Cooperation.Confidentiality;
using Cooperation.Organs;
using Cooperation.Requests.Arrest;

namespace Cooperation.Contracts.Arrest;

/// <summary>
/// State → issuing organ: a step on the arrest path (arrest notified, release, surrender arranged or done).
/// The issuing organ applies the same step with ArrestPath.Decide, so both sides hold the same stage.
/// </summary>
public sealed record ArrestPathAdvanced : ICooperationMessage
{
    public required Guid RequestId { get; init; }
    public required int RequestVersion { get; init; }
    public Organ SenderOrgan { get; init; } = Organ.State;
    public required Classification Classification { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required IReadOnlyList<string> Readers { get; init; }

    public required string StateCode { get; init; }
    /// <summary>The stable event code of the (last) step (e.g. person-arrested, documents-awaited).</summary>
    public required string Event { get; init; }
    /// <summary>
    /// Every step the one State call took, in order (e.g. person-arrested then documents-awaited): one message per
    /// call carrying the resulting stage, so two steps cannot be consumed out of order. Empty from older senders.
    /// </summary>
    public IReadOnlyList<string> Events { get; init; } = [];
    public required ArrestStage Stage { get; init; }
    public DateOnly? ArrestDate { get; init; }
    public DateOnly? ReleasedOn { get; init; }
    public DateOnly? SurrenderDate { get; init; }
    public DateOnly? SurrenderedOn { get; init; }
    public bool ConsentToSurrender { get; init; }
    /// <summary>Art 59(2): brought before the competent judicial authority.</summary>
    public DateOnly? BroughtBeforeJudicialAuthorityOn { get; init; }
    /// <summary>Art 59(3)-(6): interim release pending surrender.</summary>
    public DateOnly? InterimReleasedOn { get; init; }
    /// <summary>Art 59(7): surrender ordered by the custodial State; delivery as soon as possible.</summary>
    public DateOnly? SurrenderOrderedOn { get; init; }
    /// <summary>Art 89(4): surrender deferred (after consulting the Court) on this day, and until when expected.</summary>
    public DateOnly? SurrenderDeferredOn { get; init; }
    public DateOnly? DeferredUntil { get; init; }
    /// <summary>RPE 183: temporary surrender, its day and the conditions determined with the Court.</summary>
    public DateOnly? TemporarilySurrenderedOn { get; init; }
    public string? TemporarySurrenderConditions { get; init; }
    /// <summary>RPE 183: the person's return to the requested State after a temporary surrender.</summary>
    public DateOnly? ReturnedOn { get; init; }
    /// <summary>RPE 188: when the surrender request and documents become late, while awaited.</summary>
    public DateTimeOffset? DocumentsDueAt { get; init; }
}
