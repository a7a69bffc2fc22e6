using Cooperation.ServiceDefaults.Configuration;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cooperation.ServiceDefaults.Auth;

public static class AuthExtensions
{
    /// <summary>
    /// Authorization pieces the gateway and the services share: scope and State requirements and
    /// ProblemDetails for every refusal.
    /// </summary>
    public static IServiceCollection AddCooperationAuthorization(this IServiceCollection services, Action<AuthorizationOptions> configure)
    {
        services.AddAuthorization(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, ScopeRequirementHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, StateScopeRequirementHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, AnyScopeRequirementHandler>());
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        return services;
    }

    /// <summary>
    /// Validates partners' access tokens again in this service (JwtBearer against the gateway's
    /// discovery document: signature, issuer, audience, lifetime with a small skew) and makes
    /// <paramref name="serviceRule"/> the rule for every endpoint not marked anonymous. Health,
    /// liveness and the OpenAPI document stay anonymous (<see cref="Hosting.ServiceDefaultsExtensions.MapDefaultEndpoints"/>).
    /// </summary>
    public static IHostApplicationBuilder AddPartnerAuthentication(this IHostApplicationBuilder builder, IAuthorizationRequirement serviceRule)
    {
        builder.AddValidatedOptions<AuthOptions, AuthOptionsValidator>(AuthOptions.Section);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((jwt, options) =>
            {
                var auth = options.Value;
                if (!Uri.TryCreate(auth.Authority, UriKind.Absolute, out _)) return; // refused by the validator at start-up
                jwt.Authority = auth.AuthorityUri.ToString();
                jwt.RequireHttpsMetadata = auth.RequireHttpsMetadata;
                // Key rotation (gateway/Gateway/README.md): a pre-published key is known within this interval.
                jwt.AutomaticRefreshInterval = auth.KeySetRefreshInterval;
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters.ValidateIssuer = true; // the issuer named in the discovery document
                jwt.TokenValidationParameters.ValidateAudience = true;
                jwt.TokenValidationParameters.ValidAudience = auth.Audience;
                jwt.TokenValidationParameters.ValidateLifetime = true;
                jwt.TokenValidationParameters.RequireExpirationTime = true;
                jwt.TokenValidationParameters.ClockSkew = auth.ClockSkew;
                // Access tokens only (RFC 9068), never an identity token signed by the same key.
                jwt.TokenValidationParameters.ValidTypes = ["at+jwt"];
                jwt.TokenValidationParameters.NameClaimType = "sub";
            });
        builder.Services.AddCooperationAuthorization(o =>
        {
            o.FallbackPolicy = new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .AddRequirements(serviceRule)
                .Build();
            OperatorPolicy.Add(o);
        });
        builder.Services.AddSingleton<PartnerAuthenticationMarker>();
        return builder;
    }

    internal static bool HasPartnerAuthentication(this IServiceProvider services) =>
        services.GetService<PartnerAuthenticationMarker>() is not null;

    internal sealed class PartnerAuthenticationMarker;
}
