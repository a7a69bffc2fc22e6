using Cooperation.Proceedings.Arrest;
using Cooperation.Proceedings.Consultations;
using Cooperation.Proceedings.Persistence;
using Cooperation.State.Requests;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.State.Persistence;

/// <summary>This State's own database: only requests addressed to it ever enter it.</summary>
public class StateDbContext(DbContextOptions options) : ProceedingsDbContext(options)
{
    public DbSet<ReceivedRequest> Requests => Set<ReceivedRequest>();
    public DbSet<ReceivedRequestHistoryEntry> RequestHistory => Set<ReceivedRequestHistoryEntry>();
    public DbSet<Transit.UnscheduledLandingRecord> UnscheduledLandings => Set<Transit.UnscheduledLandingRecord>();
    public DbSet<Register.RegisterEntryRecord> RegisterEntries => Set<Register.RegisterEntryRecord>();
    public DbSet<NonCompliance.MatterCopy> Matters => Set<NonCompliance.MatterCopy>();
    public DbSet<Assembly.AssemblyStepRecord> AssemblySteps => Set<Assembly.AssemblyStepRecord>();
    public DbSet<Assembly.AssemblyViewsRecord> AssemblyViews => Set<Assembly.AssemblyViewsRecord>();
    /// <summary>This State's own copies of travel alerts (issue 9 §1): never another State's.</summary>
    public DbSet<Alerts.ReceivedTravelAlert> TravelAlerts => Set<Alerts.ReceivedTravelAlert>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        Transit.UnscheduledLandingRecord.Configure(modelBuilder);
        Register.RegisterEntryRecord.Configure(modelBuilder);
        NonCompliance.MatterCopy.Configure(modelBuilder);
        Assembly.AssemblyStepRecord.Configure(modelBuilder);
        Alerts.ReceivedTravelAlert.Configure(modelBuilder);
        modelBuilder.Entity<ReceivedRequest>(e =>
        {
            e.ToTable("requests");
            e.HasKey(r => r.Id);
            e.HasIndex(r => r.Reference);
            e.Property(r => r.Reference).HasMaxLength(32);
            e.Property(r => r.Language).HasMaxLength(16);
            e.Property(r => r.TranslationLanguage).HasMaxLength(16);
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(r => r.IssuingOrgan).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.Classification).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(24);
            e.Property(r => r.AcknowledgedBy).HasMaxLength(200);
            e.Ignore(r => r.Readers);
            e.Ignore(r => r.Contents);
            e.Ignore(r => r.Lifecycle);
            e.Property(r => r.Revision).IsConcurrencyToken();
            e.HasMany(r => r.History).WithOne().HasForeignKey(h => h.RequestId);
        });
        modelBuilder.Entity<ReceivedRequestHistoryEntry>(e =>
        {
            e.ToTable("request_history");
            e.HasKey(h => h.Id);
            e.Property(h => h.Id).ValueGeneratedNever();
            e.Property(h => h.Actor).HasMaxLength(64);
            e.Property(h => h.What).HasMaxLength(200);
            e.Property(h => h.TraceId).HasMaxLength(32);
            e.Property(h => h.FromStatus).HasConversion<string>().HasMaxLength(24);
            e.Property(h => h.ToStatus).HasConversion<string>().HasMaxLength(24);
        });
    }
}

/// <summary>The embedded default; migrations in Persistence/Migrations/Sqlite.</summary>
public sealed class StateSqliteDbContext(DbContextOptions<StateSqliteDbContext> options) : StateDbContext(options);

/// <summary>Compose and production; migrations in Persistence/Migrations/Postgres.</summary>
public sealed class StatePostgresDbContext(DbContextOptions<StatePostgresDbContext> options) : StateDbContext(options);
