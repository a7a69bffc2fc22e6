using Cooperation.AssemblyProcedures;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.State.Assembly;

/// <summary>A step of the Assembly's formal response about this State, as the Assembly told it (one per case and step).</summary>
public sealed class AssemblyStepRecord
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid RequestId { get; set; }
    public string RequestReference { get; set; } = "";
    public FormalStep Step { get; set; }
    public DateOnly On { get; set; }
    public string DocumentReference { get; set; } = "";
    public string DocumentTitle { get; set; } = "";
    public DateOnly DocumentDate { get; set; }
    public DateOnly? ViewsDueBy { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AssemblyStepRecord>(e =>
        {
            e.ToTable("assembly_steps");
            e.HasKey(s => s.Id);
            e.Property(s => s.Id).ValueGeneratedNever();
            e.Property(s => s.Step).HasConversion<string>().HasMaxLength(32);
            e.Property(s => s.RequestReference).HasMaxLength(64);
            e.Property(s => s.DocumentReference).HasMaxLength(200);
            e.Property(s => s.DocumentTitle).HasMaxLength(500);
            e.HasIndex(s => new { s.CaseId, s.Step }).IsUnique();
        });
        modelBuilder.Entity<AssemblyViewsRecord>(e =>
        {
            e.ToTable("assembly_views");
            e.HasKey(s => s.Id);
            e.Property(s => s.Id).ValueGeneratedNever();
            e.Property(s => s.DocumentsJson).HasMaxLength(16000);
            e.HasIndex(s => s.CaseId);
        });
    }
}

/// <summary>Views this State sent the Assembly on the President's letter.</summary>
public sealed class AssemblyViewsRecord
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public string Views { get; set; } = "";
    public string DocumentsJson { get; set; } = "[]";
    public DateTimeOffset SubmittedAt { get; set; }
}
