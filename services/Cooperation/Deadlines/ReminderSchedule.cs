namespace Cooperation.Deadlines;

/// <summary>When to remind the party that owes something, before its deadline.</summary>
public static class ReminderSchedule
{
    /// <summary>A week before, then a day before.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultOffsets = [TimeSpan.FromDays(7), TimeSpan.FromDays(1)];

    /// <summary>
    /// Reminder times before <see cref="Deadline.DueAt"/>, one per offset, earliest first, dropping any
    /// before <paramref name="now"/> (a deadline set late gets only the reminders still ahead of it).
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> For(Deadline deadline, IEnumerable<TimeSpan> offsets, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        ArgumentNullException.ThrowIfNull(offsets);
        var times = new SortedSet<DateTimeOffset>();
        foreach (var offset in offsets)
        {
            if (offset <= TimeSpan.Zero)
                throw new ArgumentOutOfRangeException(nameof(offsets), offset, "A reminder comes before the deadline: offsets must be positive.");
            var at = deadline.DueAt - offset;
            if (at >= now) times.Add(at);
        }
        return [.. times];
    }

    public static IReadOnlyList<DateTimeOffset> For(Deadline deadline, IEnumerable<TimeSpan> offsets, TimeProvider clock) =>
        For(deadline, offsets, clock.GetUtcNow());

    public static IReadOnlyList<DateTimeOffset> For(Deadline deadline, DateTimeOffset now) =>
        For(deadline, DefaultOffsets, now);
}
