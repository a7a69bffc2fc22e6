using Cooperation.Court;
using Cooperation.Registry.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddCourtOrgan<RegistryDbContext>(CourtOrgan.Registry);

var app = builder.Build();
app.MapCourtOrgan();
return await app.RunCourtOrganAsync<RegistryDbContext>();
