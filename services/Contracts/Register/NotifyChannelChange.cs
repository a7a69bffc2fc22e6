namespace Cooperation.Contracts.Register;

/// <summary>
/// State → Registry: the State changes its designated channel (Art 87(1)) or language (Art 87(2)).
/// Takes effect on the agreed date, else 45 days after the Registry receives it (RPE 180).
/// </summary>
public sealed record NotifyChannelChange
{
    public required string StateCode { get; init; }
    public required string Channel { get; init; }
    public required IReadOnlyList<string> Languages { get; init; }
    /// <summary>Art 91(2)(c), 91(4): the documents the State's surrender procedure needs, as agreed after consulting the Court.</summary>
    public IReadOnlyList<string> SurrenderDocumentRequirements { get; init; } = [];
    /// <summary>Art 96(2)(e): the information the State's law needs to execute a request for assistance.</summary>
    public IReadOnlyList<string> AssistanceInformationRequirements { get; init; } = [];
    public DateOnly? AgreedEffectiveDate { get; init; }
    public required DateTimeOffset SentAt { get; init; }
}
