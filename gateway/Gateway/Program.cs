using Cooperation.Gateway.Authorization;
using Cooperation.Gateway.Correlation;
using Cooperation.Gateway.Docs;
using Cooperation.Gateway.Health;
using Cooperation.Gateway.Identity;
using Cooperation.Gateway.Identity.People;
using Cooperation.Gateway.Security;
using Cooperation.ServiceDefaults.Auth;
using Cooperation.ServiceDefaults.Configuration;
using Cooperation.ServiceDefaults.Hosting;
using Cooperation.ServiceDefaults.Persistence;
using Cooperation.ServiceDefaults.Problems;
using Cooperation.ServiceDefaults.Telemetry;
using Cooperation.ServiceDefaults.Testing;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
builder.AddCooperationTelemetry("gateway");
builder.StartTracesAtTheGateway();
builder.Services.AddCooperationProblems();
builder.AddValidatedOptions<GatewayOptions, GatewayOptionsValidator>(GatewayOptions.Section);
builder.Services.AddSingleton<IValidateOptions<GatewayOptions>, StateNodeDestinationsValidator>();
builder.AddGatewayIdentity();
builder.Services.AddCooperationAuthorization(GatewayPolicies.Configure);
builder.Services.AddGatewayRateLimiting();
// CORS is closed unless origins are configured: without it a browser gets no Access-Control-* header.
var corsOrigins = builder.Configuration.GetSection($"{GatewayOptions.Section}:{nameof(GatewayOptions.CorsOrigins)}").Get<string[]>() ?? [];
if (corsOrigins.Length > 0)
    builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
        .WithOrigins(corsOrigins)
        .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
        .WithHeaders("Authorization", "Content-Type", "Idempotency-Key", "If-Match")
        .WithExposedHeaders("Location", "ETag", "Retry-After", CorrelationIdMiddleware.Header)));
builder.Services.AddHttpClient(nameof(BackendHealth));
builder.Services.AddSingleton<BackendHealthCache>();
builder.Services.TryAddSingleton(TimeProvider.System);
// Routes and clusters live in configuration (ReverseProxy section): adding a State is configuration, not code.
// Each route names its AuthorizationPolicy (GatewayPolicies); X-Forwarded-For/Proto/Host are added by YARP's defaults.
builder.Services.AddReverseProxy()
    .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
    .AddConfigFilter<ProxyTimeoutFilter>();

var app = builder.Build();
try
{
    app.Services.GetService<IStartupValidator>()?.Validate();
    _ = app.Services.GetRequiredService<IOptions<IdentityOptions>>().Value;
    await app.Services.PrepareIdentityStoreAsync();
    // Issue 12: the last start-up crash point (the gateway has no bus: the listener is next), and each step logged.
    app.Services.GetRequiredService<CrashPoints>().Reached(CrashPoints.StartupBeforeBus);
    var startup = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(StartupLog.Category);
    startup.LogInformation("Start-up: opening the HTTP listener");
    app.Lifetime.ApplicationStarted.Register(() =>
        startup.LogInformation("Start-up: gateway is ready, listening on {Addresses}", string.Join(", ", app.Urls)));
}
catch (DatabaseInUseException e)
{
    await Console.Error.WriteLineAsync($"{builder.Environment.ApplicationName}: start-up error: {e.Message}");
    return 3;
}
catch (Exception e) when (ServiceRunner.DescribeConfigurationFailure(e) is { } failure)
{
    await Console.Error.WriteLineAsync($"{builder.Environment.ApplicationName}: configuration error: {failure}");
    return 2;
}

// Only a configured proxy may say who the caller is; otherwise X-Forwarded-For is ignored (rate limits key on the address).
var knownProxies = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.KnownProxies;
if (knownProxies.Count > 0)
{
    var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
    forwarded.KnownIPNetworks.Clear();
    forwarded.KnownProxies.Clear();
    foreach (var proxy in knownProxies) forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
    app.UseForwardedHeaders(forwarded);
}
app.UsePartnerTraceLink();
app.UseCorrelationId();
app.UseSecurityHeaders();
app.UseDocsReferenceRedirect();
app.UseExceptionHandler();
app.UseStatusCodePages();
// Issue 12: a body in a charset other than UTF-8 (or an unreadable Content-Type) is refused here with 415, the token
// endpoint's form included, before anything reads it; the services refuse it again when called directly.
app.UseUtf8Bodies();
app.UseRouting();
if (corsOrigins.Length > 0) app.UseCors();
app.UseTokenRequestLimit();
app.UseTokenRequestChecks();
app.UseAuthentication(); // also serves /connect/token, /.well-known/openid-configuration and /.well-known/jwks
app.UseRateLimiter(); // per client: after authentication, before authorization
app.UseRequestBodyLimit();
app.UseAuthorization();

app.MapGet("/alive", () => Results.Ok(new { status = "Healthy" })).AllowAnonymous().ExcludeFromDescription();
app.MapBackendHealth();
app.MapTokenEndpoint();
app.MapSignInPage();
app.MapPersonAuthorization();
app.MapDocsPage();
// Any other path: the same 404 as a refused State path, so what exists cannot be told apart.
app.MapFallback(() => Problems.NotFound("resource")).ExcludeFromDescription();
app.MapReverseProxy(proxy =>
{
    proxy.Use(ProxyProblems.WriteForwarderErrorAsync);
    proxy.UseSessionAffinity();
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
});
await app.RunAsync();
return 0;
