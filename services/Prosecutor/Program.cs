using Cooperation.Court;
using Cooperation.Prosecutor.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddCourtOrgan<ProsecutorDbContext>(CourtOrgan.Prosecutor);

var app = builder.Build();
app.MapCourtOrgan();
return await app.RunCourtOrganAsync<ProsecutorDbContext>();
