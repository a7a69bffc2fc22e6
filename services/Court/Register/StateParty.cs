namespace Cooperation.Court.Register;

/// <summary>
/// A State Party in the register. Its designated channel (Art 87(1)) and languages (Art 87(2),
/// RPE 178) are in <see cref="ChannelDesignationRecord"/>: a history, since a change takes effect
/// only later (RPE 180).
/// </summary>
public sealed class StateParty
{
    public string Code { get; set; } = "";
    public DateTimeOffset RegisteredAt { get; set; }
}
