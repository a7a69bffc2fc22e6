using Cooperation.Court.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Registry.Persistence;

/// <summary>The Registry's own database. Nobody else reaches into it.</summary>
public class RegistryDbContext(DbContextOptions options) : CourtDbContext(options);

/// <summary>The embedded default; migrations in Persistence/Migrations/Sqlite.</summary>
public sealed class RegistrySqliteDbContext(DbContextOptions<RegistrySqliteDbContext> options) : RegistryDbContext(options);

/// <summary>Compose and production; migrations in Persistence/Migrations/Postgres.</summary>
public sealed class RegistryPostgresDbContext(DbContextOptions<RegistryPostgresDbContext> options) : RegistryDbContext(options);
