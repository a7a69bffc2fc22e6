using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cooperation.State.Persistence;

// Let `dotnet ef migrations add` (infra/dev/migrations) build each provider's model without a database.

public sealed class DesignTimeStateSqliteDbContextFactory : IDesignTimeDbContextFactory<StateSqliteDbContext>
{
    public StateSqliteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<StateSqliteDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

public sealed class DesignTimeStatePostgresDbContextFactory : IDesignTimeDbContextFactory<StatePostgresDbContext>
{
    public StatePostgresDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<StatePostgresDbContext>().UseNpgsql("Host=design-time;Database=design-time").Options);
}
