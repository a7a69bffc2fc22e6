namespace Cooperation.Contracts.Audit;

/// <summary>
/// A service's audit-chain head, sent to another organ which records it (issue 12): the chain detects a changed,
/// inserted or deleted entry by itself, but not the newest entries cut off — only a head kept outside the service
/// that writes the log can show that. Sequence and hash only: nothing of what the entries say.
/// </summary>
public sealed record AuditHeadAnchored
{
    /// <summary>The service whose chain this is, as the Court's services name themselves: registry, prosecutor, assembly.</summary>
    public string Service { get; init; } = "";
    /// <summary>Set by a State's node only (its code): the Registry then takes the sender from the queue and checks it.</summary>
    public string? StateCode { get; init; }
    public long Sequence { get; init; }
    public string Hash { get; init; } = "";
    /// <summary>When the head was read: an older anchor arriving late is ignored, never taken for a truncation.</summary>
    public DateTimeOffset At { get; init; }
}
