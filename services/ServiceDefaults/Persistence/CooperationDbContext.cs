using Cooperation.ServiceDefaults.Audit;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Cooperation.ServiceDefaults.Persistence;

/// <summary>
/// Base of every service's own database: its tables plus the outbox and the inbox, so a state
/// change, the messages it causes and the ids of the messages it consumed commit together.
/// </summary>
public abstract class CooperationDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<ProcessedMessage> ProcessedMessages => Set<ProcessedMessage>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    /// <summary>Set by <see cref="OutboxSaveInterceptor"/> until the unit of work commits or rolls back.</summary>
    internal UnitOfWorkWrites UnitOfWork;

    /// <summary>Used by <see cref="AuditSaveInterceptor"/>: the audit entries of the current save.</summary>
    internal AuditUnitOfWork Audit { get; } = new();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset; we store UTC only, so ticks order correctly.
        if (Database.IsSqlite())
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ConfigureAuditLog();
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox_messages");
            e.HasKey(m => m.Id);
            e.Property(m => m.Destination).HasMaxLength(512);
            e.Property(m => m.MessageType).HasMaxLength(512);
            e.Property(m => m.TraceParent).HasMaxLength(128);
            e.Property(m => m.TraceState).HasMaxLength(512);
            e.Property(m => m.LastError).HasMaxLength(512);
            e.HasIndex(m => new { m.SentAt, m.CreatedAt });
            e.HasIndex(m => new { m.Destination, m.SentAt, m.CreatedAt });
        });
        modelBuilder.Entity<ProcessedMessage>(e =>
        {
            e.ToTable("inbox_messages");
            e.HasKey(m => new { m.MessageId, m.Consumer });
            e.Property(m => m.Consumer).HasMaxLength(200);
        });
        modelBuilder.Entity<IdempotencyRecord>(e =>
        {
            e.ToTable("idempotency_keys");
            e.HasKey(r => new { r.Caller, r.Key });
            e.Property(r => r.Caller).HasMaxLength(200);
            e.Property(r => r.Key).HasMaxLength(IdempotencyFilter.MaxKeyLength);
            e.Property(r => r.Route).HasMaxLength(512);
            e.Property(r => r.Fingerprint).HasMaxLength(64);
            e.Property(r => r.ContentType).HasMaxLength(128);
            e.Property(r => r.Location).HasMaxLength(512);
            e.HasIndex(r => r.ExpiresAt);
        });
    }
}
