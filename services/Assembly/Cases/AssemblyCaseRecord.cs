using System.Text.Json;
using Cooperation.AssemblyProcedures;
using Cooperation.Confidentiality;
using Cooperation.Contracts.NonCompliance;
using Cooperation.NonCompliance;
using Cooperation.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Assembly.Cases;

/// <summary>
/// One case the Court notified (keyed on its case id: a matter, or a travel alert's incident): only what the
/// notification carries — State, request reference, situation, the Chamber's steps with references and dates — and
/// the Assembly's own response. Never a request's contents (the notification has none).
/// </summary>
public sealed class AssemblyCaseRecord
{
    public Guid Id { get; set; }
    public string StateCode { get; set; } = "";
    public NotificationReason Reason { get; set; }
    public Guid RequestId { get; set; }
    public int RequestVersion { get; set; }
    public string RequestReference { get; set; } = "";
    public string? Situation { get; set; }
    public Classification Classification { get; set; }
    /// <summary>The Chamber's steps as last notified, oldest first (JSON).</summary>
    public string CourtStepsJson { get; set; } = "[]";
    public DateOnly? ExpectedFrom { get; set; }
    public DateOnly? ExpectedUntil { get; set; }
    public DateTimeOffset FirstNotifiedAt { get; set; }
    /// <summary>The notification's own time: an older one arriving late never replaces a newer one.</summary>
    public DateTimeOffset LastNotifiedAt { get; set; }
    public DateTimeOffset? ViewsReceivedAt { get; set; }
    /// <summary>The deadline of the President's letter (the State's views), once the letter is sent.</summary>
    public Guid? ViewsDeadlineId { get; set; }
    public int Revision { get; set; }

    public List<FormalStepEntry> FormalSteps { get; set; } = [];
    public List<InformalActionEntry> InformalActions { get; set; } = [];
    public List<AssignmentEntry> Assignments { get; set; } = [];
    public List<StateViewsEntry> Views { get; set; } = [];

    public IReadOnlyList<NotifiedStep> CourtSteps
    {
        get => JsonSerializer.Deserialize<List<NotifiedStep>>(CourtStepsJson, StoredJson.Options) ?? [];
        set => CourtStepsJson = JsonSerializer.Serialize(value, StoredJson.Options);
    }

    /// <summary>Art 87(7): the Chamber referred the matter to the Assembly.</summary>
    public bool ReferredToAssembly => CourtSteps.Any(s => s.Step == MatterStep.ReferredToAssembly);

    public AssemblyCaseSnapshot ToSnapshot() => new(
        StateCode, ReferredToAssembly,
        FormalSteps.OrderBy(s => s.Step).Select(s => new FormalStepRecord(s.Step, s.On, new DocumentMetadata(s.DocumentReference, s.DocumentTitle, s.DocumentDate), s.ViewsDueBy)).ToList(),
        Assignments.OrderBy(a => a.AssignedAt).Select(a => new FocalPointAssignment(a.FocalPoint, a.Region, a.On)).ToList(),
        ViewsReceivedAt);

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AssemblyCaseRecord>(e =>
        {
            e.ToTable("assembly_cases");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).ValueGeneratedNever();
            e.Property(c => c.StateCode).HasMaxLength(3);
            e.Property(c => c.Reason).HasConversion<string>().HasMaxLength(24);
            e.Property(c => c.Classification).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.RequestReference).HasMaxLength(64);
            e.Property(c => c.Situation).HasMaxLength(64);
            e.Property(c => c.Revision).IsConcurrencyToken();
            e.Ignore(c => c.CourtSteps);
            e.HasIndex(c => c.StateCode);
            e.HasMany(c => c.FormalSteps).WithOne().HasForeignKey(s => s.CaseId);
            e.HasMany(c => c.InformalActions).WithOne().HasForeignKey(s => s.CaseId);
            e.HasMany(c => c.Assignments).WithOne().HasForeignKey(s => s.CaseId);
            e.HasMany(c => c.Views).WithOne().HasForeignKey(s => s.CaseId);
        });
        modelBuilder.Entity<FormalStepEntry>(e =>
        {
            e.ToTable("assembly_formal_steps");
            e.HasKey(s => s.Id);
            e.Property(s => s.Id).ValueGeneratedNever();
            e.Property(s => s.Step).HasConversion<string>().HasMaxLength(32);
            e.Property(s => s.DocumentReference).HasMaxLength(200);
            e.Property(s => s.DocumentTitle).HasMaxLength(500);
            e.Property(s => s.RecordedBy).HasMaxLength(200);
            // One of each step per case, whatever two desks do at once.
            e.HasIndex(s => new { s.CaseId, s.Step }).IsUnique();
        });
        modelBuilder.Entity<InformalActionEntry>(e =>
        {
            e.ToTable("assembly_informal_actions");
            e.HasKey(s => s.Id);
            e.Property(s => s.Id).ValueGeneratedNever();
            e.Property(s => s.Kind).HasConversion<string>().HasMaxLength(24);
            e.Property(s => s.Interlocutor).HasMaxLength(200);
            e.Property(s => s.Outcome).HasMaxLength(4000);
            e.Property(s => s.DocumentReference).HasMaxLength(200);
            e.Property(s => s.DocumentTitle).HasMaxLength(500);
            e.Property(s => s.By).HasMaxLength(200);
        });
        modelBuilder.Entity<AssignmentEntry>(e =>
        {
            e.ToTable("assembly_assignments");
            e.HasKey(s => s.Id);
            e.Property(s => s.Id).ValueGeneratedNever();
            e.Property(s => s.FocalPoint).HasMaxLength(200);
            e.Property(s => s.Region).HasConversion<string>().HasMaxLength(40);
            e.HasIndex(s => new { s.CaseId, s.FocalPoint }).IsUnique();
        });
        modelBuilder.Entity<StateViewsEntry>(e =>
        {
            e.ToTable("assembly_state_views");
            e.HasKey(s => s.Id);
            e.Property(s => s.Id).ValueGeneratedNever();
            e.Property(s => s.DocumentsJson).HasMaxLength(16000);
        });
    }
}

public sealed class FormalStepEntry
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public FormalStep Step { get; set; }
    public DateOnly On { get; set; }
    public string DocumentReference { get; set; } = "";
    public string DocumentTitle { get; set; } = "";
    public DateOnly DocumentDate { get; set; }
    public DateOnly? ViewsDueBy { get; set; }
    /// <summary>The partner system that recorded it (client id), never a person's name.</summary>
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}

public sealed class InformalActionEntry
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public InformalActionKind Kind { get; set; }
    public DateOnly On { get; set; }
    public string? Interlocutor { get; set; }
    public string Outcome { get; set; } = "";
    public string? DocumentReference { get; set; }
    public string? DocumentTitle { get; set; }
    public DateOnly? DocumentDate { get; set; }
    /// <summary>"presidency" or the focal point's client id.</summary>
    public string By { get; set; } = "";
    public DateTimeOffset LoggedAt { get; set; }
}

public sealed class AssignmentEntry
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public string FocalPoint { get; set; } = "";
    public Region Region { get; set; }
    public DateOnly On { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
}

/// <summary>The State's views on the President's letter, as its node sent them.</summary>
public sealed class StateViewsEntry
{
    /// <summary>The State's submission id: a resend is the same submission.</summary>
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public string Views { get; set; } = "";
    public string DocumentsJson { get; set; } = "[]";
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
