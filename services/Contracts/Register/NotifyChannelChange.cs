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
    public DateOnly? AgreedEffectiveDate { get; init; }
    public required DateTimeOffset SentAt { get; init; }
}
