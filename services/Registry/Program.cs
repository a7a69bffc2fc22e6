using Cooperation.Court;
using Cooperation.Registry.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddCourtOrgan<RegistryDbContext>(CourtOrgan.Registry);
return await builder.RunCourtOrganAsync<RegistryDbContext>();
