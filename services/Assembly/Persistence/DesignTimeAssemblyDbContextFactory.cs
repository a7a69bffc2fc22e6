using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cooperation.Assembly.Persistence;

// Let `dotnet ef migrations add` (infra/dev/migrations) build each provider's model without a database.

public sealed class DesignTimeAssemblySqliteDbContextFactory : IDesignTimeDbContextFactory<AssemblySqliteDbContext>
{
    public AssemblySqliteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AssemblySqliteDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

public sealed class DesignTimeAssemblyPostgresDbContextFactory : IDesignTimeDbContextFactory<AssemblyPostgresDbContext>
{
    public AssemblyPostgresDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AssemblyPostgresDbContext>().UseNpgsql("Host=design-time;Database=design-time").Options);
}
