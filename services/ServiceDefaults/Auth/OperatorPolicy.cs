using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;

namespace Cooperation.ServiceDefaults.Auth;

/// <summary>
/// Operator tooling (/operations/...) needs the <c>operator</c> scope at the service itself, in
/// place of the service's partner rule: an organ's desk token does not open it, and an operator's
/// token opens nothing else.
/// </summary>
public static class OperatorPolicy
{
    public const string Name = "operator";

    public static void Add(AuthorizationOptions options) =>
        options.AddPolicy(Name, new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new ScopeRequirement(Scopes.Operator))
            .Build());
}
