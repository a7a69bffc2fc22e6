using Microsoft.EntityFrameworkCore;

namespace Cooperation.Proceedings.Consultations;

public static class ConsultationModel
{
    /// <summary>The consultation tables; called by each party's DbContext (Court organs and States).</summary>
    public static void ConfigureConsultations(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ConsultationRecord>(e =>
        {
            e.ToTable("consultations");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).ValueGeneratedNever();
            e.HasIndex(c => c.RequestId);
            e.HasIndex(c => new { c.StateCode, c.IssuingOrgan });
            e.Property(c => c.StateCode).HasMaxLength(3);
            e.Property(c => c.IssuingOrgan).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.RequestKind).HasConversion<string>().HasMaxLength(32);
            e.Property(c => c.Classification).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.OpenedBy).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.ClosedBy).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.StatusBeforeConsultation).HasConversion<string>().HasMaxLength(24);
            e.Property(c => c.StatusBeforePostponement).HasConversion<string>().HasMaxLength(24);
            e.Property(c => c.PostponementGround).HasConversion<string>().HasMaxLength(32);
            e.Property(c => c.OtherGroundText).HasMaxLength(2000);
            e.Property(c => c.Description).HasMaxLength(8000);
            e.Property(c => c.ClosingNote).HasMaxLength(4000);
            e.Ignore(c => c.Grounds);
            e.Ignore(c => c.Proposals);
            e.Ignore(c => c.ChangedElements);
            e.HasMany(c => c.Entries).WithOne().HasForeignKey(m => m.ConsultationId);
        });
        modelBuilder.Entity<ConsultationEntry>(e =>
        {
            e.ToTable("consultation_messages");
            e.HasKey(m => m.Id);
            e.Property(m => m.Id).ValueGeneratedNever();
            e.Property(m => m.AuthorOrgan).HasConversion<string>().HasMaxLength(16);
            e.Property(m => m.Classification).HasConversion<string>().HasMaxLength(16);
            e.Property(m => m.Text).HasMaxLength(8000);
            e.Ignore(m => m.Attachments);
        });
    }
}
