namespace Cooperation.Register;

/// <summary>
/// One entry of the Registry's register for a State: its designated channel (Art 87(1)(a)), the languages it
/// accepts (Art 87(2), RPE 178) and, once consulted on them, its national requirements (Art 91(4), 96(2)(e)),
/// from <see cref="EffectiveFrom"/> on.
/// </summary>
public sealed record ChannelDesignation(
    string Channel,
    IReadOnlyCollection<string> AcceptedLanguages,
    DateTimeOffset ReceivedAt,
    DateTimeOffset EffectiveFrom,
    NationalRequirements? Requirements = null)
{
    /// <summary>The designation made on ratification or accession (Art 87(1)(a), 87(2)): effective on receipt.</summary>
    public static ChannelDesignation Initial(string channel, IReadOnlyCollection<string> acceptedLanguages, DateTimeOffset receivedAt) =>
        new(channel, acceptedLanguages, receivedAt, receivedAt);

    /// <summary>A later change (RPE 180): effective on the agreed date, else 45 days after receipt.</summary>
    public static ChannelDesignation Change(
        string channel, IReadOnlyCollection<string> acceptedLanguages, DateTimeOffset receivedAt, DateOnly? agreedDate = null,
        NationalRequirements? requirements = null) =>
        new(channel, acceptedLanguages, receivedAt, ChannelRegister.EffectiveFrom(receivedAt, agreedDate), requirements);
}
