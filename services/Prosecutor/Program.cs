using Cooperation.Court;
using Cooperation.Prosecutor.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddCourtOrgan<ProsecutorDbContext>(CourtOrgan.Prosecutor);
return await builder.RunCourtOrganAsync<ProsecutorDbContext>();
