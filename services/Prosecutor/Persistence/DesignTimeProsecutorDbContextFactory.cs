using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cooperation.Prosecutor.Persistence;

// Let `dotnet ef migrations add` (infra/dev/migrations) build each provider's model without a database.

public sealed class DesignTimeProsecutorSqliteDbContextFactory : IDesignTimeDbContextFactory<ProsecutorSqliteDbContext>
{
    public ProsecutorSqliteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ProsecutorSqliteDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

public sealed class DesignTimeProsecutorPostgresDbContextFactory : IDesignTimeDbContextFactory<ProsecutorPostgresDbContext>
{
    public ProsecutorPostgresDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ProsecutorPostgresDbContext>().UseNpgsql("Host=design-time;Database=design-time").Options);
}
