using Cooperation.Assembly.Cases;
using Cooperation.Proceedings.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Assembly.Persistence;

/// <summary>
/// The Assembly's own database: the cases the Court notified and the Assembly's response, plus the durable deadlines
/// (the President's letter) and the outbox, inbox, audit and idempotency tables of every service. It derives from the
/// Proceedings context for the deadline scheduler; it holds no consultation or arrest path of its own.
/// </summary>
public class AssemblyDbContext(DbContextOptions options) : ProceedingsDbContext(options)
{
    public DbSet<AssemblyCaseRecord> Cases => Set<AssemblyCaseRecord>();
    public DbSet<FormalStepEntry> FormalSteps => Set<FormalStepEntry>();
    public DbSet<InformalActionEntry> InformalActions => Set<InformalActionEntry>();
    public DbSet<AssignmentEntry> Assignments => Set<AssignmentEntry>();
    public DbSet<StateViewsEntry> StateViews => Set<StateViewsEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        AssemblyCaseRecord.Configure(modelBuilder);
    }
}

/// <summary>The embedded default; migrations in Persistence/Migrations/Sqlite.</summary>
public sealed class AssemblySqliteDbContext(DbContextOptions<AssemblySqliteDbContext> options) : AssemblyDbContext(options);

/// <summary>Compose and production; migrations in Persistence/Migrations/Postgres.</summary>
public sealed class AssemblyPostgresDbContext(DbContextOptions<AssemblyPostgresDbContext> options) : AssemblyDbContext(options);
