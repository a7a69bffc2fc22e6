using Cooperation.Organs;

namespace Cooperation.Deadlines;

/// <summary>
/// A moment by which something must happen. <see cref="DueAt"/> is the first instant at which it is
/// late (a day-based period runs to the end of its last day, UTC). Persisted by the services and fired by
/// their scheduler; this type only computes.
/// </summary>
public sealed record Deadline(
    DeadlineKind Kind,
    DateTimeOffset DueAt,
    Guid? RequestId = null,
    Guid? ConsultationId = null,
    StateCode? State = null)
{
    public bool IsOverdue(DateTimeOffset now) => now >= DueAt;

    /// <summary>Pending, then Warning within <paramref name="warningWindow"/> of the due time, then Overdue.</summary>
    public DeadlineState StateAt(DateTimeOffset now, TimeSpan warningWindow) =>
        IsOverdue(now) ? DeadlineState.Overdue
        : now >= DueAt - warningWindow ? DeadlineState.Warning
        : DeadlineState.Pending;

    /// <summary>RPE 188, Art 92(3): documents due by the end of the 60th day after the provisional arrest.</summary>
    public static Deadline SurrenderDocuments(DateOnly provisionalArrestDate, Guid? requestId = null) =>
        new(DeadlineKind.SurrenderDocuments,
            EndOfDayUtc(StatutoryPeriods.SurrenderDocumentsLastDay(provisionalArrestDate)), requestId);

    /// <summary>Art 89(3)(e): 96 hours from the unscheduled landing, to the minute.</summary>
    public static Deadline TransitDetention(DateTimeOffset unscheduledLandingAt, Guid? requestId = null) =>
        new(DeadlineKind.TransitDetention, unscheduledLandingAt + StatutoryPeriods.TransitDetentionCap, requestId);

    /// <summary>RPE 180(2): when a State's change of channel or language takes effect.</summary>
    public static Deadline ChannelChange(StateCode state, DateTimeOffset receivedAt, DateOnly? agreedDate = null) =>
        new(DeadlineKind.ChannelChangeEffective, Register.ChannelRegister.EffectiveFrom(receivedAt, agreedDate), State: state);

    /// <summary>A request's reply-by date: the reply is late after the end of that day (UTC).</summary>
    public static Deadline ReplyBy(DateOnly replyBy, Guid? requestId = null) =>
        new(DeadlineKind.ReplyBy, EndOfDayUtc(replyBy), requestId);

    /// <summary>The first instant after <paramref name="day"/> ends, in UTC.</summary>
    public static DateTimeOffset EndOfDayUtc(DateOnly day) =>
        new(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}

public enum DeadlineState
{
    Pending,
    Warning,
    Overdue,
}
