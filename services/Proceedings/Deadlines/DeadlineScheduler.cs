using Cooperation.Confidentiality;
using Cooperation.Deadlines;
using Cooperation.Organs;
using Cooperation.Proceedings.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cooperation.Proceedings.Deadlines;

/// <summary>Who is told about a deadline, and how its messages are labelled.</summary>
public sealed record DeadlineAudience(
    Organ Owner,
    IReadOnlyList<Uri> Recipients,
    Classification Classification = Classification.Confidential,
    int RequestVersion = 1);

/// <summary>
/// The API a feature calls to start or stop a durable timer. Both stage their change in the current
/// unit of work: the caller's SaveChanges commits it with the state change that caused it.
/// </summary>
public interface IDeadlineScheduler
{
    /// <summary>
    /// Stores <paramref name="deadline"/> with its reminders (the configured offsets, or <paramref name="reminderOffsets"/>),
    /// dropping reminders already in the past. Returns the deadline's id.
    /// </summary>
    Guid Schedule(Deadline deadline, DeadlineAudience audience, IEnumerable<TimeSpan>? reminderOffsets = null);

    /// <summary>Stops every pending deadline of this kind for the request (or consultation): it was met. Returns how many.</summary>
    Task<int> CancelAsync(DeadlineKind kind, Guid? requestId, Guid? consultationId = null, CancellationToken ct = default);

    /// <summary>Pending and past deadlines of a request, earliest first.</summary>
    Task<IReadOnlyList<ScheduledDeadline>> ForRequestAsync(Guid requestId, CancellationToken ct = default);
}

internal sealed class DeadlineScheduler(ProceedingsDbContext db, TimeProvider clock, IOptions<SchedulingOptions> options)
    : IDeadlineScheduler
{
    public Guid Schedule(Deadline deadline, DeadlineAudience audience, IEnumerable<TimeSpan>? reminderOffsets = null)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        ArgumentNullException.ThrowIfNull(audience);
        var now = clock.GetUtcNow();
        var reminders = ReminderSchedule.For(deadline, reminderOffsets ?? options.Value.EffectiveReminderOffsets, now)
            .Select(r => r.ToUniversalTime()).ToList();
        var row = new ScheduledDeadline
        {
            Id = Guid.CreateVersion7(),
            Kind = deadline.Kind,
            DueAt = deadline.DueAt.ToUniversalTime(),
            RequestId = deadline.RequestId,
            RequestVersion = audience.RequestVersion,
            ConsultationId = deadline.ConsultationId,
            StateCode = deadline.State?.Value,
            Owner = audience.Owner,
            Classification = audience.Classification,
            Recipients = audience.Recipients,
            Reminders = reminders,
            NextFireAt = reminders.Count > 0 ? reminders[0] : deadline.DueAt.ToUniversalTime(),
            CreatedAt = now,
        };
        db.Deadlines.Add(row);
        return row.Id;
    }

    public async Task<int> CancelAsync(DeadlineKind kind, Guid? requestId, Guid? consultationId = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var pending = await db.Deadlines
            .Where(d => d.Kind == kind && d.FiredAt == null && d.CancelledAt == null)
            .Where(d => requestId == null || d.RequestId == requestId)
            .Where(d => consultationId == null || d.ConsultationId == consultationId)
            .ToListAsync(ct);
        foreach (var d in pending) d.CancelledAt = now;
        return pending.Count;
    }

    public async Task<IReadOnlyList<ScheduledDeadline>> ForRequestAsync(Guid requestId, CancellationToken ct = default) =>
        (await db.Deadlines.AsNoTracking().Where(d => d.RequestId == requestId).ToListAsync(ct))
        .OrderBy(d => d.DueAt).ToList();
}
