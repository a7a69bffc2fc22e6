namespace Cooperation.Court.Register;

/// <summary>
/// A State Party as the register knows it: its designated channel (Art 87(1)) and the languages a
/// request to it may be in (Art 87(2), RPE 178).
/// </summary>
public sealed class StateParty
{
    public string Code { get; set; } = "";
    public string ChannelAuthority { get; set; } = "";
    /// <summary>Languages accepted, e.g. "en" or "fr,en", lower-case ISO 639-1.</summary>
    public string Languages { get; set; } = "en";
    public DateTimeOffset RegisteredAt { get; set; }

    public IReadOnlyCollection<string> AcceptedLanguages =>
        Languages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
