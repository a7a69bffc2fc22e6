using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Scheduling;
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
    public DbSet<ScheduledDeadline> Deadlines => Set<ScheduledDeadline>();
    public DbSet<DeadlineNotice> DeadlineNotices => Set<DeadlineNotice>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset; we store UTC only, so ticks order correctly.
        if (Database.IsSqlite())
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
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
        });
        modelBuilder.Entity<ProcessedMessage>(e =>
        {
            e.ToTable("inbox_messages");
            e.HasKey(m => new { m.MessageId, m.Consumer });
            e.Property(m => m.Consumer).HasMaxLength(200);
        });
        modelBuilder.ConfigureScheduling();
    }
}
