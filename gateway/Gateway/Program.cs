using Cooperation.Gateway.Correlation;
using Cooperation.Gateway.Health;
using Cooperation.ServiceDefaults.Problems;
using Cooperation.ServiceDefaults.Telemetry;

var builder = WebApplication.CreateBuilder(args);
builder.AddCooperationTelemetry("gateway");
builder.Services.AddCooperationProblems();
builder.Services.AddHttpClient(nameof(BackendHealth));
// Routes and clusters live in configuration (ReverseProxy section): adding a State is configuration, not code.
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));

var app = builder.Build();
app.UseCorrelationId();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapGet("/alive", () => Results.Ok(new { status = "Healthy" })).ExcludeFromDescription();
app.MapBackendHealth();
app.MapReverseProxy();
app.Run();
