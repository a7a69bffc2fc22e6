using Cooperation.ServiceDefaults.Auth;

namespace Cooperation.Gateway.Identity.People;

/// <summary>
/// One person, from configuration (infra/run generates the demo people and their passwords; nothing
/// secret is in the repository). Seeded like partner clients: created, re-hashed when the password
/// changed, deleted when no longer configured.
/// </summary>
public sealed class PersonRegistration
{
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
    public string DisplayName { get; set; } = "";
    /// <summary>The one scope of the person's desk, e.g. "registry" or "state:UGA".</summary>
    public string Desk { get; set; } = "";
    public string TimeZone { get; set; } = "UTC";

    public static IEnumerable<string> Check(IReadOnlyList<PersonRegistration> people)
    {
        for (var i = 0; i < people.Count; i++)
        {
            var p = people[i];
            var at = $"Identity:People:{i}";
            if (string.IsNullOrWhiteSpace(p.UserName) || p.UserName.Length > 64 || !p.UserName.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.'))
                yield return $"{at}:UserName must be 1-64 letters, digits, '-', '_' or '.'";
            if (p.Password.Length < 12)
                yield return $"{at}:Password must be at least 12 characters (infra/run generates one)";
            if (!Scopes.IsValid(p.Desk) || p.Desk == Scopes.Public)
                yield return $"{at}:Desk must be one desk scope (registry, prosecutor, focal-point, assembly, operator or state:XXX)";
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(p.TimeZone, out _))
                yield return $"{at}:TimeZone '{p.TimeZone}' is not a known time zone (IANA, e.g. Europe/Amsterdam)";
        }
        foreach (var duplicate in people.GroupBy(p => p.UserName, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            yield return $"Identity:People has person '{duplicate.Key}' more than once";
    }
}
