using Cooperation.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authorization;

namespace Cooperation.Gateway.Authorization;

/// <summary>
/// The policies YARP routes name in configuration (ReverseProxy:Routes:X:AuthorizationPolicy). The
/// gateway refuses before forwarding; each service checks again. Any route or endpoint without a
/// policy needs at least a valid token (fallback); docs routes name "Anonymous".
/// </summary>
public static class GatewayPolicies
{
    /// <summary>The State routes (/states/{code}/...): scope state:{code} for the code in the path; another State's scope gets 404.</summary>
    public const string State = "state";

    /// <summary>The Assembly's routes (/assembly/...): the Presidency/Bureau (scope assembly) or a regional focal point (scope focal-point).</summary>
    public const string AssemblyPartners = "assembly-partners";

    public static void Configure(AuthorizationOptions options)
    {
        foreach (var scope in Scopes.Fixed)
            options.AddPolicy(scope, p => p.RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(scope)));
        options.AddPolicy(State, p => p.RequireAuthenticatedUser().AddRequirements(new StateScopeRequirement()));
        options.AddPolicy(AssemblyPartners, p => p.RequireAuthenticatedUser().AddRequirements(new AnyScopeRequirement(Scopes.Assembly, Scopes.FocalPoint)));
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
