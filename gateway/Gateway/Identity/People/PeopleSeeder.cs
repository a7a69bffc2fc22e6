using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cooperation.Gateway.Identity.People;

/// <summary>Makes the person store match configuration at start-up, as <see cref="ClientSeeder"/> does for clients.</summary>
public sealed class PeopleSeeder(IdentityDbContext db, IPasswordHasher<Person> hasher, IOptions<IdentityOptions> options, ILogger<PeopleSeeder> logger)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        var configured = options.Value.People.ToDictionary(p => p.UserName, StringComparer.OrdinalIgnoreCase);
        var stored = await db.People.ToListAsync(ct);
        foreach (var gone in stored.Where(p => !configured.ContainsKey(p.UserName)))
        {
            logger.LogWarning("Removing person {UserName}: no longer configured", gone.UserName);
            db.People.Remove(gone);
        }
        foreach (var registration in configured.Values)
        {
            var person = stored.SingleOrDefault(p => string.Equals(p.UserName, registration.UserName, StringComparison.OrdinalIgnoreCase));
            if (person is null)
            {
                person = new Person { Id = Guid.CreateVersion7(), UserName = registration.UserName };
                db.People.Add(person);
            }
            person.DisplayName = string.IsNullOrWhiteSpace(registration.DisplayName) ? registration.UserName : registration.DisplayName;
            person.Desk = registration.Desk;
            person.TimeZone = registration.TimeZone;
            // Hashing is deliberately slow: re-hash only when the password changed.
            if (person.PasswordHash.Length == 0 || hasher.VerifyHashedPassword(person, person.PasswordHash, registration.Password) == PasswordVerificationResult.Failed)
                person.PasswordHash = hasher.HashPassword(person, registration.Password);
        }
        await db.SaveChangesAsync(ct);
    }
}
