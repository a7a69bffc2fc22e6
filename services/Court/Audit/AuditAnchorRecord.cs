using Microsoft.EntityFrameworkCore;

namespace Cooperation.Court.Audit;

/// <summary>
/// The newest audit-chain head another service sent here (issue 12). Kept outside that service, so cutting off its
/// newest entries is seen: its later head comes back lower, or with another hash at the same place.
/// </summary>
public sealed class AuditAnchorRecord : ServiceDefaults.Audit.IAuditBookkeeping
{
    /// <summary>registry, prosecutor, assembly, or state:UGA (from the queue it came on, never from the message).</summary>
    public string Service { get; set; } = "";
    public long Sequence { get; set; }
    public string Hash { get; set; } = "";
    /// <summary>When the sender read its head.</summary>
    public DateTimeOffset At { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    /// <summary>The last time a newer head came back lower (or at the same place with another hash): entries were cut off or rewritten.</summary>
    public DateTimeOffset? RegressedAt { get; set; }
    /// <summary>The head anchored before it and the head it went back to (what was lost is between them).</summary>
    public long? RegressedToSequence { get; set; }
    public long? RegressedFromSequence { get; set; }

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<AuditAnchorRecord>(e =>
    {
        e.ToTable("audit_anchors");
        e.HasKey(a => a.Service);
        e.Property(a => a.Service).HasMaxLength(32);
        e.Property(a => a.Hash).HasMaxLength(64);
    });
}
