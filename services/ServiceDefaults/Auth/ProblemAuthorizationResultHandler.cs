using Cooperation.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Cooperation.ServiceDefaults.Auth;

/// <summary>
/// Every refusal by authorization is a ProblemDetails: 401 without a valid token, 403 with the
/// wrong scope, 404 for a State's client asking about another State (it must not learn that
/// anything exists there). The detail never says why a token was refused beyond that.
/// </summary>
public sealed class ProblemAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Succeeded)
        {
            await next(context);
            return;
        }

        ProblemDetails problem;
        if (result.Challenged || context.User.Identity?.IsAuthenticated != true)
        {
            var presented = context.Request.Headers.Authorization.Count > 0;
            context.Response.Headers[HeaderNames.WWWAuthenticate] = presented ? "Bearer error=\"invalid_token\"" : "Bearer";
            problem = Problems.Problems.Unauthorized();
        }
        else if (result.AuthorizationFailure?.FailureReasons.Any(r => r.Message == StateScopeRequirementHandler.AnotherState) == true)
        {
            problem = Problems.Problems.NotFoundProblem("resource");
        }
        else
        {
            context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer error=\"insufficient_scope\"";
            problem = Problems.Problems.Forbidden();
        }

        context.Response.StatusCode = problem.Status!.Value;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
