using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cooperation.Gateway.Identity;

/// <summary>
/// The gateway's own database: OpenIddict's applications (partner clients, secrets hashed) and
/// scopes. Issued tokens are not stored (DisableTokenStorage): they are short-lived signed JWTs.
/// </summary>
public abstract class IdentityDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>
    /// ASP.NET data protection's key ring (sign-in cookies, antiforgery tokens), shared by every gateway instance on
    /// this database: a person signed in at one instance is signed in at all of them (issue 13).
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>People who sign in to the consoles (passwords hashed).</summary>
    public DbSet<People.Person> People => Set<People.Person>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.UseOpenIddict();
        modelBuilder.Entity<People.Person>(person =>
        {
            person.ToTable("People");
            person.HasKey(p => p.Id);
            person.Property(p => p.UserName).HasMaxLength(64);
            person.HasIndex(p => p.UserName).IsUnique();
            person.Property(p => p.DisplayName).HasMaxLength(200);
            person.Property(p => p.Desk).HasMaxLength(32);
            person.Property(p => p.TimeZone).HasMaxLength(64);
            person.Property(p => p.PasswordHash).HasMaxLength(512);
        });
    }
}

/// <summary>The store on SQLite (the embedded default: one gateway process). Its migrations: Identity/Migrations/Sqlite.</summary>
public sealed class IdentitySqliteDbContext(DbContextOptions<IdentitySqliteDbContext> options) : IdentityDbContext(options);

/// <summary>
/// The store on PostgreSQL, which several gateway instances share (Kubernetes runs 2 to 6). Its own migrations
/// (Identity/Migrations/Postgres): the SQLite ones name SQLite's column types, and EF refuses them on PostgreSQL.
/// </summary>
public sealed class IdentityPostgresDbContext(DbContextOptions<IdentityPostgresDbContext> options) : IdentityDbContext(options);

/// <summary>Lets `dotnet ef migrations add` build each provider's model without starting the gateway.</summary>
public sealed class DesignTimeIdentitySqliteDbContextFactory : IDesignTimeDbContextFactory<IdentitySqliteDbContext>
{
    public IdentitySqliteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IdentitySqliteDbContext>().UseSqlite("Data Source=design-time.db").UseOpenIddict().Options);
}

public sealed class DesignTimeIdentityPostgresDbContextFactory : IDesignTimeDbContextFactory<IdentityPostgresDbContext>
{
    public IdentityPostgresDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IdentityPostgresDbContext>().UseNpgsql("Host=design-time").UseOpenIddict().Options);
}
