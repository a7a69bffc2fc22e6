using Microsoft.EntityFrameworkCore;

namespace Cooperation.ServiceDefaults.Audit;

internal static class AuditModel
{
    public static void ConfigureAuditLog(this ModelBuilder modelBuilder) =>
        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_log");
            e.HasKey(a => a.Sequence);
            // Assigned by the writer under the audit lock, never by the database: the hash covers it.
            e.Property(a => a.Sequence).ValueGeneratedNever();
            e.Property(a => a.Actor).HasMaxLength(AuditChain.MaxActor);
            e.Property(a => a.Action).HasMaxLength(AuditChain.MaxAction);
            e.Property(a => a.EntityType).HasMaxLength(AuditChain.MaxEntityType);
            e.Property(a => a.EntityId).HasMaxLength(AuditChain.MaxEntityId);
            e.Property(a => a.Detail).HasMaxLength(AuditChain.MaxDetail);
            e.Property(a => a.PreviousHash).HasMaxLength(64);
            e.Property(a => a.Hash).HasMaxLength(64);
            e.HasIndex(a => new { a.EntityType, a.EntityId });
            e.HasIndex(a => a.MessageId);
        });
}
