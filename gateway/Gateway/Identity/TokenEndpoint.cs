using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Cooperation.Gateway.Identity;

public static class TokenEndpoint
{
    /// <summary>
    /// POST /connect/token, grant_type=client_credentials. OpenIddict has already authenticated the
    /// client and checked every requested scope against its permissions; without a scope parameter
    /// the token carries all the client's scopes. Errors follow RFC 6749 (invalid_client, invalid_scope).
    /// </summary>
    public static void MapTokenEndpoint(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/connect/token", async (HttpContext http, IOpenIddictApplicationManager applications, IdentityDbContext db, CancellationToken ct) =>
            {
                var request = http.GetOpenIddictServerRequest()
                              ?? throw new InvalidOperationException("The OpenIddict server request is missing.");
                // A console exchanging a person's code (PKCE verified by OpenIddict): the person's desk token.
                if (request.IsAuthorizationCodeGrantType()) return await People.PersonAuthorization.ExchangeCodeAsync(http, db, request);
                if (!request.IsClientCredentialsGrantType() || request.ClientId is null)
                    throw new InvalidOperationException("Only the client credentials grant reaches this endpoint.");

                var application = await applications.FindByClientIdAsync(request.ClientId, ct)
                                  ?? throw new InvalidOperationException("OpenIddict authenticated an unknown client.");
                var scopes = request.GetScopes();
                if (scopes.IsEmpty)
                    scopes = (await applications.GetPermissionsAsync(application, ct))
                        .Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
                        .Select(p => p[Permissions.Prefixes.Scope.Length..])
                        .ToImmutableArray();

                var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Subject, Claims.Role);
                identity.SetClaim(Claims.Subject, request.ClientId);
                identity.SetScopes(scopes);
                identity.SetResources(ServiceDefaults.Auth.Scopes.Audience); // becomes the token's aud
                identity.SetDestinations(_ => [Destinations.AccessToken]);
                return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
}
