using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cooperation.Gateway.Identity;

/// <summary>
/// The gateway's own database: OpenIddict's applications (partner clients, secrets hashed) and
/// scopes. Issued tokens are not stored (DisableTokenStorage): they are short-lived signed JWTs.
/// </summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.UseOpenIddict();
    }
}

/// <summary>Lets `dotnet ef migrations add` build the model without starting the gateway.</summary>
public sealed class DesignTimeIdentityDbContextFactory : IDesignTimeDbContextFactory<IdentityDbContext>
{
    public IdentityDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IdentityDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
