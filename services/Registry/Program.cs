using Cooperation.Court;
using Cooperation.Registry.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddCourtOrgan<RegistryDbContext, RegistrySqliteDbContext, RegistryPostgresDbContext>(CourtOrgan.Registry);
return await builder.RunCourtOrganAsync<RegistryDbContext>();
