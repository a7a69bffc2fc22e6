namespace Cooperation.Gateway.Identity.People;

/// <summary>
/// A person who signs in to the consoles: one desk (exactly one scope: registry, prosecutor,
/// state:UGA, focal-point, assembly or operator), so a person's token opens what that desk's
/// partner system would open, never more. The password is stored hashed (PBKDF2, ASP.NET Core's
/// <see cref="Microsoft.AspNetCore.Identity.PasswordHasher{TUser}"/>), never in clear.
/// </summary>
public sealed class Person
{
    public Guid Id { get; set; }
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Desk { get; set; } = "";
    /// <summary>IANA time zone the console shows dates in (stored in UTC everywhere).</summary>
    public string TimeZone { get; set; } = "UTC";
    public string PasswordHash { get; set; } = "";
}
