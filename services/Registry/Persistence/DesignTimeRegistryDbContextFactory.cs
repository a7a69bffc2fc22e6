using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cooperation.Registry.Persistence;

// Let `dotnet ef migrations add` (infra/dev/migrations) build each provider's model without a database.

public sealed class DesignTimeRegistrySqliteDbContextFactory : IDesignTimeDbContextFactory<RegistrySqliteDbContext>
{
    public RegistrySqliteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<RegistrySqliteDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

public sealed class DesignTimeRegistryPostgresDbContextFactory : IDesignTimeDbContextFactory<RegistryPostgresDbContext>
{
    public RegistryPostgresDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<RegistryPostgresDbContext>().UseNpgsql("Host=design-time;Database=design-time").Options);
}
