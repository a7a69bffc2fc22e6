namespace Cooperation.Consultations;

/// <summary>
/// "Without delay" (Art 97) as a configurable, measured service level: how long a State may take from
/// the moment it has the request or meets the obstacle to opening a consultation, and how long the
/// issuing organ may take from the opening to its first answer.
/// </summary>
public sealed record ConsultationServiceLevel
{
    public TimeSpan MaxToOpen { get; }
    public TimeSpan MaxToFirstCourtAnswer { get; }

    public ConsultationServiceLevel(TimeSpan maxToOpen, TimeSpan maxToFirstCourtAnswer)
    {
        if (maxToOpen <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(maxToOpen), maxToOpen, "must be positive");
        if (maxToFirstCourtAnswer <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(maxToFirstCourtAnswer), maxToFirstCourtAnswer, "must be positive");
        MaxToOpen = maxToOpen;
        MaxToFirstCourtAnswer = maxToFirstCourtAnswer;
    }

    /// <param name="startedAt">When the request was delivered, or the obstacle was recorded, whichever the service measures from.</param>
    /// <param name="openedAt">When the consultation was opened, if it was.</param>
    /// <param name="firstCourtAnswerAt">When the issuing organ first answered, if it did.</param>
    /// <param name="now">The time of the check; an unmet step is measured up to now and reported as ongoing.</param>
    public IReadOnlyList<ServiceLevelBreach> Check(
        DateTimeOffset startedAt, DateTimeOffset? openedAt, DateTimeOffset? firstCourtAnswerAt, DateTimeOffset now)
    {
        var breaches = new List<ServiceLevelBreach>();
        var toOpen = (openedAt ?? now) - startedAt;
        if (toOpen > MaxToOpen)
            breaches.Add(new ServiceLevelBreach(ServiceLevelMeasure.TimeToOpen, MaxToOpen, toOpen, Ongoing: openedAt is null));
        if (openedAt is { } opened)
        {
            var toAnswer = (firstCourtAnswerAt ?? now) - opened;
            if (toAnswer > MaxToFirstCourtAnswer)
                breaches.Add(new ServiceLevelBreach(ServiceLevelMeasure.TimeToFirstCourtAnswer, MaxToFirstCourtAnswer, toAnswer,
                    Ongoing: firstCourtAnswerAt is null));
        }
        return breaches;
    }

    public IReadOnlyList<ServiceLevelBreach> Check(
        DateTimeOffset startedAt, DateTimeOffset? openedAt, DateTimeOffset? firstCourtAnswerAt, TimeProvider clock) =>
        Check(startedAt, openedAt, firstCourtAnswerAt, clock.GetUtcNow());
}

public enum ServiceLevelMeasure
{
    /// <summary>From delivery (or the obstacle recorded) to the consultation's opening.</summary>
    TimeToOpen,
    /// <summary>From the opening to the issuing organ's first answer.</summary>
    TimeToFirstCourtAnswer,
}

/// <summary>A service level exceeded by <see cref="Elapsed"/> − <see cref="Allowed"/>; <see cref="Ongoing"/> while the step is still awaited.</summary>
public sealed record ServiceLevelBreach(ServiceLevelMeasure Measure, TimeSpan Allowed, TimeSpan Elapsed, bool Ongoing);
