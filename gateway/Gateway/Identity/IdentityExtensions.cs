using System.Collections.Immutable;
using Cooperation.Gateway.Identity.People;
using Cooperation.ServiceDefaults.Auth;
using Cooperation.ServiceDefaults.Configuration;
using Microsoft.AspNetCore.DataProtection;
using Cooperation.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Validation.AspNetCore;

namespace Cooperation.Gateway.Identity;

public static class IdentityExtensions
{
    /// <summary>
    /// OAuth2 client credentials at /connect/token (OpenIddict): RS256 JWT access tokens, not
    /// encrypted (every service reads them) and not stored (short-lived, self-contained), for the
    /// audience <see cref="Scopes.Audience"/>. The gateway validates them with the local server's keys.
    /// </summary>
    public static WebApplicationBuilder AddGatewayIdentity(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<IdentityOptions, IdentityOptionsValidator>(IdentityOptions.Section);
        builder.AddValidatedOptions<DatabaseOptions, DatabaseOptionsValidator>(DatabaseOptions.Section);

        // One context type per provider, each with its own migrations; the rest of the gateway asks for IdentityDbContext.
        builder.Services.AddDbContext<IdentitySqliteDbContext>((sp, options) =>
        {
            options.UseSqlite(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString);
            options.UseOpenIddict();
            options.AddStartupCrashInterceptor(sp); // Testing:CrashAt=startup-during-migrate only
        });
        builder.Services.AddDbContext<IdentityPostgresDbContext>((sp, options) =>
        {
            options.UseNpgsql(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString);
            options.UseOpenIddict();
            options.AddStartupCrashInterceptor(sp);
        });
        builder.Services.AddScoped<IdentityDbContext>(sp =>
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres
                ? sp.GetRequiredService<IdentityPostgresDbContext>()
                : sp.GetRequiredService<IdentitySqliteDbContext>());
        // Like the services: a gateway killed while migrating its SQLite store starts again (issue 12).
        builder.Services.AddStartupRecovery();

        var http = Uri.TryCreate(builder.Configuration[$"{IdentityOptions.Section}:Issuer"], UriKind.Absolute, out var issuer)
                   && issuer.Scheme == Uri.UriSchemeHttp;
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
            .AddServer(server =>
            {
                server.SetTokenEndpointUris("connect/token");
                server.AllowClientCredentialsFlow();
                // People at the consoles: authorization code with PKCE (S256 only), and sign-out.
                server.SetAuthorizationEndpointUris("connect/authorize").SetEndSessionEndpointUris("connect/endsession");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                server.Configure(o => { o.CodeChallengeMethods.Clear(); o.CodeChallengeMethods.Add(OpenIddictConstants.CodeChallengeMethods.Sha256); });
                server.DisableTokenStorage();
                server.DisableAccessTokenEncryption();
                // Authorization codes (the consoles' sign-in) are encrypted: with a key from a file every instance shares
                // (set below), not a per-process one, or a code issued by one instance fails at the next (issue 13).
                var aspNetCore = server.UseAspNetCore().EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough().EnableEndSessionEndpointPassthrough();
                // Plain http only where the validator allows it: a loopback issuer (local runs, tests).
                if (http) aspNetCore.DisableTransportSecurityRequirement();
                // The discovery document is anonymous: it names the audience-wide scopes only, never the
                // State scopes (which State codes have a node is not said to strangers: "404, not 403"),
                // and no OpenID Connect scope (TokenRequestChecks refuses them).
                server.AddEventHandler<OpenIddictServerEvents.ApplyConfigurationResponseContext>(handler => handler
                    .UseInlineHandler(context =>
                    {
                        if ((ImmutableArray<string?>?)context.Response[OpenIddictConstants.Metadata.ScopesSupported] is { IsDefault: false } scopes)
                            context.Response[OpenIddictConstants.Metadata.ScopesSupported] = new OpenIddictParameter(
                                scopes.Where(s => s is not null && Scopes.Fixed.Contains(s, StringComparer.Ordinal)).ToImmutableArray());
                        return default;
                    })
                    .SetOrder(int.MinValue + 100_000)); // before the response is written
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                // The Authorization header only, as the services accept them: a token in a query string or
                // form body ends up in logs, histories and referrers.
                validation.UseAspNetCore()
                    .DisableAccessTokenExtractionFromQueryString()
                    .DisableAccessTokenExtractionFromBodyForm();
                validation.AddAudiences(Scopes.Audience);
            });

        // Issuer, keys, lifetime and scopes come from the validated options, read when the server first needs them.
        builder.Services.AddOptions<OpenIddictServerOptions>()
            .Configure<IOptions<IdentityOptions>, ILoggerFactory>((server, options, loggers) =>
            {
                var identity = options.Value;
                var logger = loggers.CreateLogger(typeof(SigningKeys));
                server.Issuer = new Uri(identity.Issuer.EndsWith('/') ? identity.Issuer : identity.Issuer + "/");
                server.AccessTokenLifetime = identity.AccessTokenLifetime;
                // The first key signs; retired ones stay in the published key set until tokens signed with them expire.
                server.SigningCredentials.Insert(0, new SigningCredentials(SigningKeys.LoadOrCreate(identity.SigningKeyPath, logger), SecurityAlgorithms.RsaSha256));
                foreach (var retired in identity.RetiredSigningKeyPaths)
                    server.SigningCredentials.Add(new SigningCredentials(SigningKeys.Load(retired), SecurityAlgorithms.RsaSha256));
                server.EncryptionCredentials.Insert(0, new EncryptingCredentials(
                    SigningKeys.LoadOrCreate(identity.EffectiveEncryptionKeyPath, logger, "authorization code encryption"),
                    SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
                server.Scopes.UnionWith(Scopes.Fixed);
                server.Scopes.UnionWith(identity.Clients.SelectMany(c => c.ScopeList));
            });

        // Cookies and antiforgery tokens are protected with keys kept in the identity store, so every instance reads them.
        builder.Services.AddDataProtection().SetApplicationName("cooperation-gateway").PersistKeysToDbContext<IdentityDbContext>();
        builder.Services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .AddPersonSession(builder.Configuration.GetValue<TimeSpan?>($"{IdentityOptions.Section}:{nameof(IdentityOptions.PersonSessionLifetime)}") ?? TimeSpan.FromMinutes(30));
        builder.Services.AddAntiforgery(antiforgery => antiforgery.Cookie.Name = "coop-signin-antiforgery");
        builder.Services.AddScoped<ClientSeeder>();
        builder.Services.AddScoped<PeopleSeeder>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Identity.IPasswordHasher<Person>, Microsoft.AspNetCore.Identity.PasswordHasher<Person>>();
        return builder;
    }

    /// <summary>Migrates the gateway's database and registers the configured clients, before traffic.</summary>
    public static async Task PrepareIdentityStoreAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        await using var scope = services.CreateAsyncScope();
        // The process lock, a stale SQLite migration lock removed, the migration: each step logged (issue 12).
        await services.MigrateAsync(scope.ServiceProvider.GetRequiredService<IdentityDbContext>(), database, ct);
        services.GetRequiredService<ILoggerFactory>().CreateLogger(StartupLog.Category).LogInformation("Start-up: seeding the partner clients");
        await scope.ServiceProvider.GetRequiredService<ClientSeeder>().SeedAsync(ct);
        await scope.ServiceProvider.GetRequiredService<PeopleSeeder>().SeedAsync(ct);
    }
}
