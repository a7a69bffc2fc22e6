using Cooperation.Deadlines;

namespace Cooperation.Register;

/// <summary>
/// RPE 180: a change of channel or language takes effect at a time agreed between the Court and the
/// State or, absent agreement, 45 days after the Court receives it; in all cases without prejudice to
/// current requests or requests in progress.
/// </summary>
public static class ChannelRegister
{
    /// <summary>
    /// When a change received at <paramref name="receivedAt"/> takes effect: the start (UTC) of the agreed
    /// day, never before receipt (a change cannot reach back to requests already sent), else receipt + 45 days.
    /// </summary>
    public static DateTimeOffset EffectiveFrom(DateTimeOffset receivedAt, DateOnly? agreedDate = null)
    {
        if (agreedDate is not { } agreed) return receivedAt + StatutoryPeriods.ChannelChangeEffective;
        var start = new DateTimeOffset(agreed.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return start > receivedAt ? start : receivedAt;
    }

    /// <summary>
    /// A date a State proposes for its change is agreed only once the Registry accepts it ("as agreed",
    /// RPE 180); until then the 45-day default governs. A date before the day it is proposed (or
    /// accepted) cannot be agreed: a change never reaches back.
    /// </summary>
    public static bool CanBeAgreed(DateOnly proposed, DateTimeOffset now) => proposed >= DateOnly.FromDateTime(now.UtcDateTime);

    /// <summary>The designation in effect at <paramref name="at"/>: the latest to take effect by then (ties: the later received).</summary>
    public static ChannelDesignation? InEffectAt(DateTimeOffset at, IEnumerable<ChannelDesignation> history) =>
        history
            .Where(d => d.EffectiveFrom <= at)
            .OrderBy(d => d.EffectiveFrom)
            .ThenBy(d => d.ReceivedAt)
            .LastOrDefault();

    /// <summary>
    /// The designation that governs a request: for a request in progress, the one in effect when it was
    /// first transmitted (changes never affect pending requests, RPE 180(2)), including its later versions;
    /// for one not yet transmitted, the one in effect now.
    /// </summary>
    public static ChannelDesignation? ForRequest(
        DateTimeOffset? firstTransmittedAt, DateTimeOffset now, IEnumerable<ChannelDesignation> history) =>
        InEffectAt(firstTransmittedAt ?? now, history);

    /// <summary>The accepted languages that govern a request (see <see cref="ForRequest"/>); empty if the register holds none.</summary>
    public static IReadOnlyCollection<string> LanguageFor(
        DateTimeOffset? firstTransmittedAt, DateTimeOffset now, IEnumerable<ChannelDesignation> history) =>
        ForRequest(firstTransmittedAt, now, history)?.AcceptedLanguages ?? [];
}
