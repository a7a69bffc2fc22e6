using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Cooperation.ServiceDefaults.Auth;

/// <summary>The token must carry this scope (e.g. <c>registry</c>); otherwise 403.</summary>
public sealed record ScopeRequirement(string Scope) : IAuthorizationRequirement;

internal sealed class ScopeRequirementHandler : AuthorizationHandler<ScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true && Scopes.Of(context.User).Contains(requirement.Scope))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

/// <summary>
/// The token must carry <c>state:CODE</c> for the State addressed. A State node fixes the code to its
/// own; the gateway reads it from the path (<c>/states/{code}/...</c>). A token that carries another
/// State's scope is answered 404, not 403, so codes and ids reveal nothing (see
/// <see cref="ProblemAuthorizationResultHandler"/>).
/// </summary>
public sealed record StateScopeRequirement(string? Code = null) : IAuthorizationRequirement
{
    /// <summary>The State addressed: the fixed code, else the <c>{code}</c> route value, else the path segment after /states/ (or /docs/states/).</summary>
    public string? CodeFor(HttpContext? http)
    {
        if (Code is not null) return Code.ToUpperInvariant();
        if (http is null) return null;
        if (http.Request.RouteValues.TryGetValue("code", out var value) && value is string routed) return routed.ToUpperInvariant();
        var segments = http.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return segments switch
        {
            ["states", var code, ..] => code.ToUpperInvariant(),
            ["docs", "states", var code, ..] => code.ToUpperInvariant(), // the State node's API document at the gateway
            _ => null,
        };
    }
}

internal sealed class StateScopeRequirementHandler : AuthorizationHandler<StateScopeRequirement>
{
    /// <summary>Marks a refusal that must look like "no such thing here" (404).</summary>
    public const string AnotherState = "another-state";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, StateScopeRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true) return Task.CompletedTask;
        var http = context.Resource as HttpContext;
        var code = requirement.CodeFor(http);
        var scopes = Scopes.Of(context.User);
        if (code is not null && scopes.Contains(Scopes.State(code)))
            context.Succeed(requirement);
        else if (scopes.Any(s => s.StartsWith(Scopes.StatePrefix, StringComparison.Ordinal)))
            context.Fail(new AuthorizationFailureReason(this, AnotherState));
        return Task.CompletedTask;
    }
}

/// <summary>The token must carry at least one of these scopes (e.g. <c>assembly</c> or <c>focal-point</c>); otherwise 403.</summary>
public sealed record AnyScopeRequirement(params string[] Scopes) : IAuthorizationRequirement;

internal sealed class AnyScopeRequirementHandler : AuthorizationHandler<AnyScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AnyScopeRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true && Auth.Scopes.Of(context.User).Overlaps(requirement.Scopes))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
