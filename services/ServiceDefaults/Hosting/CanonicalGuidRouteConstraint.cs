using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cooperation.ServiceDefaults.Hosting;

/// <summary>
/// <c>{id:guid}</c> as the platform writes ids: 36 characters, hyphenated (format "D"). The framework's constraint
/// parses leniently (Guid.TryParse accepts surrounding white space, braces and other formats), so
/// <c>/requests/{id}%20/acknowledge</c> reached the endpoint and acted on the request; now it is an unknown path (404).
/// </summary>
public sealed class CanonicalGuidRouteConstraint : IRouteConstraint, IParameterPolicy
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value)
        && Convert.ToString(value, CultureInfo.InvariantCulture) is { Length: 36 } text
        && Guid.TryParseExact(text, "D", out _);
}

public static class CanonicalGuidRouting
{
    /// <summary>Replaces the "guid" route constraint of every endpoint with <see cref="CanonicalGuidRouteConstraint"/>.</summary>
    public static IServiceCollection AddCanonicalGuidRoutes(this IServiceCollection services) =>
        services.Configure<RouteOptions>(o => o.ConstraintMap["guid"] = typeof(CanonicalGuidRouteConstraint));
}
