using Cooperation.Court;
using Cooperation.Prosecutor.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddCourtOrgan<ProsecutorDbContext, ProsecutorSqliteDbContext, ProsecutorPostgresDbContext>(CourtOrgan.Prosecutor);
return await builder.RunCourtOrganAsync<ProsecutorDbContext>();
