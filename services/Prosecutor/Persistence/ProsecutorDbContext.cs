using Cooperation.Court.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Prosecutor.Persistence;

/// <summary>The Prosecutor's own database. Nobody else reaches into it.</summary>
public sealed class ProsecutorDbContext(DbContextOptions<ProsecutorDbContext> options) : CourtDbContext(options);
