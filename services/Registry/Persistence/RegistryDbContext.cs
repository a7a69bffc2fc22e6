using Cooperation.Court.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Registry.Persistence;

/// <summary>The Registry's own database. Nobody else reaches into it.</summary>
public sealed class RegistryDbContext(DbContextOptions<RegistryDbContext> options) : CourtDbContext(options);
