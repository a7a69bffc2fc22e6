using Cooperation.Court.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Prosecutor.Persistence;

/// <summary>The Prosecutor's own database. Nobody else reaches into it.</summary>
public class ProsecutorDbContext(DbContextOptions options) : CourtDbContext(options);

/// <summary>The embedded default; migrations in Persistence/Migrations/Sqlite.</summary>
public sealed class ProsecutorSqliteDbContext(DbContextOptions<ProsecutorSqliteDbContext> options) : ProsecutorDbContext(options);

/// <summary>Compose and production; migrations in Persistence/Migrations/Postgres.</summary>
public sealed class ProsecutorPostgresDbContext(DbContextOptions<ProsecutorPostgresDbContext> options) : ProsecutorDbContext(options);
