using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cooperation.Prosecutor.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service.</summary>
public sealed class DesignTimeProsecutorDbContextFactory : IDesignTimeDbContextFactory<ProsecutorDbContext>
{
    public ProsecutorDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ProsecutorDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
