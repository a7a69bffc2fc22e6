using System.Text.Json;
using Cooperation.Confidentiality;
using Cooperation.Deadlines;
using Cooperation.Organs;

namespace Cooperation.Proceedings.Deadlines;

/// <summary>
/// A deadline the owning service must watch, stored in its own database so it survives restarts. The
/// scheduler fires each reminder and then the deadline itself exactly once: it claims a step with a
/// conditional update (<see cref="RemindersSent"/> and <see cref="FiredAt"/> as the guard) and writes the
/// resulting messages to the outbox in the same transaction.
/// </summary>
public sealed class ScheduledDeadline
{
    public Guid Id { get; set; }
    public DeadlineKind Kind { get; set; }
    /// <summary>The first instant at which it is late (UTC).</summary>
    public DateTimeOffset DueAt { get; set; }
    public Guid? RequestId { get; set; }
    public int RequestVersion { get; set; }
    public Guid? ConsultationId { get; set; }
    /// <summary>The State concerned (ISO 3166-1 alpha-3).</summary>
    public string? StateCode { get; set; }
    /// <summary>The organ that owns the deadline and sends its reminders.</summary>
    public Organ Owner { get; set; }
    /// <summary>Of the messages it causes: the classification of the request it belongs to.</summary>
    public Classification Classification { get; set; }
    /// <summary>Where reminders and the miss go (MassTransit addresses), as a JSON array.</summary>
    public string RecipientsJson { get; set; } = "[]";
    /// <summary>Reminder times, earliest first, as a JSON array of UTC times.</summary>
    public string RemindersJson { get; set; } = "[]";
    /// <summary>How many reminders are behind us (sent, or skipped because a later one was due).</summary>
    public int RemindersSent { get; set; }
    /// <summary>When the scheduler must next look at it: the next reminder, else <see cref="DueAt"/>.</summary>
    public DateTimeOffset NextFireAt { get; set; }
    public DateTimeOffset? LastReminderAt { get; set; }
    /// <summary>When the missed-deadline event was written; set once, never cleared.</summary>
    public DateTimeOffset? FiredAt { get; set; }
    /// <summary>Met or no longer relevant (e.g. documents received, consultation answered): never fires.</summary>
    public DateTimeOffset? CancelledAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public IReadOnlyList<Uri> Recipients
    {
        get => (JsonSerializer.Deserialize<List<string>>(RecipientsJson) ?? []).Select(r => new Uri(r)).ToList();
        set => RecipientsJson = JsonSerializer.Serialize(value.Select(r => r.ToString()));
    }

    public IReadOnlyList<DateTimeOffset> Reminders
    {
        get => JsonSerializer.Deserialize<List<DateTimeOffset>>(RemindersJson) ?? [];
        set => RemindersJson = JsonSerializer.Serialize(value.Select(r => r.ToUniversalTime()));
    }
}
