using Microsoft.EntityFrameworkCore;

namespace Cooperation.Proceedings.Deadlines;

internal static class SchedulingModel
{
    public static void ConfigureScheduling(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ScheduledDeadline>(e =>
        {
            e.ToTable("deadlines");
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).ValueGeneratedNever();
            e.Property(d => d.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(d => d.Owner).HasConversion<string>().HasMaxLength(16);
            e.Property(d => d.Classification).HasConversion<string>().HasMaxLength(16);
            e.Property(d => d.StateCode).HasMaxLength(3);
            e.Property(d => d.RecipientsJson).HasMaxLength(2048);
            e.Property(d => d.RemindersJson).HasMaxLength(2048);
            e.Ignore(d => d.Recipients);
            e.Ignore(d => d.Reminders);
            // The scheduler's poll: unfired, uncancelled, by next fire time.
            e.HasIndex(d => new { d.FiredAt, d.CancelledAt, d.NextFireAt });
            e.HasIndex(d => d.RequestId);
            e.HasIndex(d => d.ConsultationId);
        });
        modelBuilder.Entity<DeadlineNotice>(e =>
        {
            e.ToTable("deadline_notices");
            e.HasKey(n => n.Id);
            e.Property(n => n.Id).ValueGeneratedNever();
            e.Property(n => n.Type).HasConversion<string>().HasMaxLength(16);
            e.Property(n => n.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(n => n.From).HasConversion<string>().HasMaxLength(16);
            e.Property(n => n.StateCode).HasMaxLength(3);
            e.HasIndex(n => n.RequestId);
        });
    }
}
