using System.Globalization;
using Cooperation.Consoles;
using Cooperation.Consoles.Components;
using Cooperation.Consoles.Gateway;
using Cooperation.Consoles.Signin;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;

var builder = WebApplication.CreateBuilder(args);
// The build output (not a publish) serves blazor.web.js and the styles from their project locations.
builder.WebHost.UseStaticWebAssets();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

ConsoleOptions options;
try
{
    options = ConsoleOptions.Read(builder.Configuration);
}
catch (InvalidOperationException e)
{
    await Console.Error.WriteLineAsync($"{builder.Environment.ApplicationName}: configuration error: {e.Message}");
    return 2;
}
builder.Services.AddSingleton(options);
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddConsoleSignIn(options);
builder.Services.AddGatewayApi(options);

var app = builder.Build();

// Only the gateway in front may say which host and scheme the browser used (redirect URIs are built from them):
// loopback by default, or where Console:TrustedProxies says the gateway is (its pods' network, behind a gateway in
// another pod; issue 13).
var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost };
if (options.TrustedProxies.Count > 0)
{
    forwarded.KnownIPNetworks.Clear();
    forwarded.KnownProxies.Clear();
    foreach (var network in options.TrustedProxies) forwarded.KnownIPNetworks.Add(network);
}
app.UseForwardedHeaders(forwarded);
app.UsePathBase(ConsoleOptions.PathBase);
// Routing after the path base, so endpoints (the circuit's hub above all) match without /console.
app.UseRouting();
app.UseConsoleSecurityHeaders();
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture("en"),
    SupportedCultures = [new CultureInfo("en"), new CultureInfo("fr")],
    SupportedUICultures = [new CultureInfo("en"), new CultureInfo("fr")],
});
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapGet("/health", () => Results.Ok(new { status = "Healthy" })).AllowAnonymous();
app.MapStaticAssets().AllowAnonymous();
app.MapSignInEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode().RequireAuthorization();
await app.RunAsync();
return 0;
