namespace Cooperation.Contracts.Register;

/// <summary>
/// Registry → Prosecutor: a designation entered the register. The Prosecutor addresses its own
/// requests with the Registry's register (RPE 176(3)) and learns it only through these messages.
/// Registry → the State concerned (its own queue, its own entries only): what the Registry recorded of
/// the change it notified, and, once the Registry agrees it, the date it takes effect (RPE 180).
/// </summary>
public sealed record StateRegisterEntryChanged
{
    public required string StateCode { get; init; }
    public required string Channel { get; init; }
    public required IReadOnlyList<string> Languages { get; init; }
    /// <summary>Art 91(2)(c), 91(4): the documents the State's surrender procedure needs, as agreed after consulting the Court.</summary>
    public IReadOnlyList<string> SurrenderDocumentRequirements { get; init; } = [];
    /// <summary>Art 96(2)(e): the information the State's law needs to execute a request for assistance.</summary>
    public IReadOnlyList<string> AssistanceInformationRequirements { get; init; } = [];
    public required DateTimeOffset ReceivedAt { get; init; }
    public required DateTimeOffset EffectiveFrom { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    /// <summary>The Registry's id of the designation: a later message with the same id (an agreed date) replaces it.</summary>
    public Guid? DesignationId { get; init; }
    /// <summary>The date the State proposed (RPE 180 "as agreed"), if any: a proposal until <see cref="DateAgreedAt"/> is set.</summary>
    public DateOnly? ProposedEffectiveDate { get; init; }
    /// <summary>When the Registry agreed the proposed date; <see cref="EffectiveFrom"/> is that date from then on.</summary>
    public DateTimeOffset? DateAgreedAt { get; init; }
}
