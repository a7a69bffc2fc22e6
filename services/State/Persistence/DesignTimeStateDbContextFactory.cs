using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cooperation.State.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service.</summary>
public sealed class DesignTimeStateDbContextFactory : IDesignTimeDbContextFactory<StateDbContext>
{
    public StateDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<StateDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
