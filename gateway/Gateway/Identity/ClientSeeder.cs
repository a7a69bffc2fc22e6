using Cooperation.ServiceDefaults.Testing;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Cooperation.Gateway.Identity;

/// <summary>
/// Makes the client store match configuration at start-up: configured clients are created or
/// updated (a changed secret is re-hashed), clients no longer configured are deleted, so revoking
/// a partner is removing it from configuration and restarting.
/// </summary>
public sealed class ClientSeeder(IOpenIddictApplicationManager applications, IOptions<IdentityOptions> options, ILogger<ClientSeeder> logger,
    CrashPoints crash)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        var configured = options.Value.Clients.ToDictionary(c => c.ClientId, StringComparer.Ordinal);

        var stale = new List<object>();
        await foreach (var application in applications.ListAsync(cancellationToken: ct))
            if (await applications.GetClientIdAsync(application, ct) is not { } id || !configured.ContainsKey(id))
                stale.Add(application);
        foreach (var application in stale)
        {
            logger.LogWarning("Removing client {ClientId}: no longer configured", await applications.GetClientIdAsync(application, ct));
            await applications.DeleteAsync(application, ct);
        }

        foreach (var client in configured.Values)
        {
            var existing = await applications.FindByClientIdAsync(client.ClientId, ct);
            var descriptor = new OpenIddictApplicationDescriptor();
            if (existing is not null) await applications.PopulateAsync(descriptor, existing, ct);

            descriptor.ClientId = client.ClientId;
            descriptor.DisplayName = client.ClientId;
            descriptor.ClientType = ClientTypes.Confidential;
            descriptor.Permissions.Clear();
            descriptor.Permissions.Add(Permissions.Endpoints.Token);
            // A console acts for people only: no client-credentials token of its own (it has no scope either).
            if (client.RedirectUris.Count == 0) descriptor.Permissions.Add(Permissions.GrantTypes.ClientCredentials);
            foreach (var scope in client.ScopeList) descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
            // A console: people sign in through it (authorization code, PKCE required), and sign out.
            descriptor.RedirectUris.Clear();
            descriptor.PostLogoutRedirectUris.Clear();
            descriptor.Requirements.Clear();
            if (client.RedirectUris.Count > 0)
            {
                descriptor.Permissions.Add(Permissions.Endpoints.Authorization);
                descriptor.Permissions.Add(Permissions.Endpoints.EndSession);
                descriptor.Permissions.Add(Permissions.GrantTypes.AuthorizationCode);
                descriptor.Permissions.Add(Permissions.ResponseTypes.Code);
                descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
                foreach (var uri in client.RedirectUris) descriptor.RedirectUris.Add(new Uri(uri));
                foreach (var uri in client.PostLogoutRedirectUris) descriptor.PostLogoutRedirectUris.Add(new Uri(uri));
            }

            if (existing is null)
            {
                descriptor.ClientSecret = client.Secret; // hashed by the manager
                await applications.CreateAsync(descriptor, ct);
                logger.LogInformation("Registered client {ClientId}", client.ClientId);
                // Each client is its own write: a start killed here left some registered, and the next one completes it.
                crash.Reached(CrashPoints.StartupDuringSeeding);
            }
            else
            {
                // Hashing is deliberately slow: re-hash only when the secret changed.
                if (!await applications.ValidateClientSecretAsync(existing, client.Secret, ct)) descriptor.ClientSecret = client.Secret;
                await applications.UpdateAsync(existing, descriptor, ct);
            }
        }
    }
}
