using Cooperation.Deadlines;
using Cooperation.Organs;

namespace Cooperation.Proceedings.Deadlines;

public enum DeadlineNoticeType
{
    Reminder,
    Missed,
}

/// <summary>A reminder or missed-deadline event this service received about a deadline another organ owns.</summary>
public sealed class DeadlineNotice
{
    public Guid Id { get; set; }
    public Guid DeadlineId { get; set; }
    public DeadlineNoticeType Type { get; set; }
    public DeadlineKind Kind { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public Guid? RequestId { get; set; }
    public Guid? ConsultationId { get; set; }
    public string? StateCode { get; set; }
    public Organ From { get; set; }
    public int? Reminder { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
