using Cooperation.Contracts.Limits;
using Cooperation.Court.Register;
using Cooperation.Court.Requests;
using Cooperation.Proceedings.Arrest;
using Cooperation.Proceedings.Consultations;
using Cooperation.Proceedings.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Court.Persistence;

/// <summary>An issuing organ's own database (the Registry's or the Prosecutor's).</summary>
public abstract class CourtDbContext(DbContextOptions options) : ProceedingsDbContext(options)
{
    public DbSet<CooperationRequest> Requests => Set<CooperationRequest>();
    public DbSet<RequestHistoryEntry> RequestHistory => Set<RequestHistoryEntry>();
    public DbSet<StateReport> StateReports => Set<StateReport>();
    public DbSet<ReferenceCounter> ReferenceCounters => Set<ReferenceCounter>();
    public DbSet<StateParty> StateParties => Set<StateParty>();
    public DbSet<ChannelDesignationRecord> ChannelDesignations => Set<ChannelDesignationRecord>();
    public DbSet<Transit.UnscheduledLandingNotice> UnscheduledLandings => Set<Transit.UnscheduledLandingNotice>();
    public DbSet<NonCompliance.NonComplianceMatterRecord> Matters => Set<NonCompliance.NonComplianceMatterRecord>();
    // Travel alerts are the Registry's (its tables stay empty in the Prosecutor's database).
    public DbSet<Alerts.TravelAlertRecord> TravelAlerts => Set<Alerts.TravelAlertRecord>();
    public DbSet<Alerts.TravelAlertEntry> TravelAlertEntries => Set<Alerts.TravelAlertEntry>();
    /// <summary>Other services' audit heads kept here (issue 12): the Registry keeps the States', the Prosecutor's and the Assembly's; the Prosecutor the Registry's.</summary>
    public DbSet<Audit.AuditAnchorRecord> AuditAnchors => Set<Audit.AuditAnchorRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        Transit.UnscheduledLandingNotice.Configure(modelBuilder);
        NonCompliance.NonComplianceMatterRecord.Configure(modelBuilder);
        Alerts.TravelAlertRecord.Configure(modelBuilder);
        Audit.AuditAnchorRecord.Configure(modelBuilder);
        modelBuilder.Entity<CooperationRequest>(e =>
        {
            e.ToTable("requests");
            e.HasKey(r => r.Id);
            e.HasIndex(r => r.Reference).IsUnique();
            e.HasIndex(r => new { r.StateCode, r.Status });
            e.Property(r => r.Reference).HasMaxLength(32);
            e.Property(r => r.StateCode).HasMaxLength(3);
            e.Property(r => r.Language).HasMaxLength(16);
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(r => r.IssuingOrgan).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.Classification).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(24);
            e.Property(r => r.AcknowledgedBy).HasMaxLength(200);
            e.Ignore(r => r.Readers);
            e.Ignore(r => r.Contents);
            e.Ignore(r => r.Lifecycle);
            e.Property(r => r.LatestReportWhat).HasMaxLength(32);
            e.Property(r => r.Revision).IsConcurrencyToken();
            e.HasMany(r => r.History).WithOne().HasForeignKey(h => h.RequestId);
        });
        modelBuilder.Entity<RequestHistoryEntry>(e =>
        {
            e.ToTable("request_history");
            e.HasKey(h => h.Id);
            // Ids are set by the code (Guid v7): a new entry reached through the request is an insert.
            e.Property(h => h.Id).ValueGeneratedNever();
            e.Property(h => h.Actor).HasMaxLength(64);
            e.Property(h => h.What).HasMaxLength(200);
            e.Property(h => h.TraceId).HasMaxLength(32);
            e.Property(h => h.FromStatus).HasConversion<string>().HasMaxLength(24);
            e.Property(h => h.ToStatus).HasConversion<string>().HasMaxLength(24);
        });
        modelBuilder.Entity<StateReport>(e =>
        {
            e.ToTable("state_reports");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            // Paging newest first within one request walks this index; unique, so two writers cannot number alike.
            e.HasIndex(x => new { x.RequestId, x.Sequence }).IsUnique();
            e.HasOne<CooperationRequest>().WithMany().HasForeignKey(x => x.RequestId);
            e.Property(x => x.What).HasMaxLength(32);
            e.Property(x => x.Note).HasMaxLength(StateInputLimits.MaxText);
            e.Property(x => x.Reasons).HasMaxLength(StateInputLimits.MaxText);
            e.Property(x => x.DenialGround).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.PostponementGround).HasConversion<string>().HasMaxLength(32);
            e.Ignore(x => x.Items);
        });
        modelBuilder.Entity<ReferenceCounter>(e =>
        {
            e.ToTable("reference_counters");
            e.HasKey(c => c.Series);
            e.Property(c => c.Series).HasMaxLength(16);
        });
        modelBuilder.Entity<StateParty>(e =>
        {
            e.ToTable("state_parties");
            e.HasKey(s => s.Code);
            e.Property(s => s.Code).HasMaxLength(3);
        });
        modelBuilder.Entity<ChannelDesignationRecord>(e =>
        {
            e.ToTable("channel_designations");
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).ValueGeneratedNever();
            e.HasIndex(d => d.StateCode);
            e.Property(d => d.StateCode).HasMaxLength(3);
            e.Property(d => d.Channel).HasMaxLength(200);
            e.Property(d => d.Languages).HasMaxLength(64);
        });
    }
}
