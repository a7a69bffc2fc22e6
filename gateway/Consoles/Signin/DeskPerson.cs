using System.Security.Claims;
using System.Text;
using System.Text.Json;

namespace Cooperation.Consoles.Signin;

/// <summary>The signed-in person as the console knows them: name, desk (one scope), time zone, token and its end.</summary>
public sealed record DeskPerson(string Name, Desk Desk, TimeZoneInfo TimeZone, string AccessToken, DateTimeOffset ExpiresAt)
{
    private const string TokenClaim = "console:access_token";
    private const string DeskClaim = "desk";
    private const string ZoneClaim = "zoneinfo";
    private const string ExpiresClaim = "exp";

    /// <summary>The claims the console keeps from the gateway's token (its payload; the signature is the APIs' to check).</summary>
    public static IEnumerable<Claim> ClaimsOf(string accessToken)
    {
        var parts = accessToken.Split('.');
        if (parts.Length != 3) throw new InvalidOperationException("The access token is not a JWT.");
        var payload = parts[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
        var root = json.RootElement;
        string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        yield return new Claim(ClaimTypes.Name, Text("name") ?? "");
        yield return new Claim(DeskClaim, Text("desk") ?? "");
        yield return new Claim(ZoneClaim, Text("zoneinfo") ?? "UTC");
        yield return new Claim(ExpiresClaim, root.TryGetProperty("exp", out var exp) ? exp.GetInt64().ToString() : "0");
        yield return new Claim(TokenClaim, accessToken);
    }

    public static DeskPerson? From(ClaimsPrincipal user)
    {
        if (user.FindFirst(TokenClaim)?.Value is not { } token
            || Desk.Parse(user.FindFirst(DeskClaim)?.Value) is not { } desk
            || !long.TryParse(user.FindFirst(ExpiresClaim)?.Value, out var exp))
            return null;
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(user.FindFirst(ZoneClaim)?.Value ?? "UTC", out var z) ? z : TimeZoneInfo.Utc;
        return new DeskPerson(user.FindFirst(ClaimTypes.Name)?.Value ?? "", desk, zone, token, DateTimeOffset.FromUnixTimeSeconds(exp));
    }
}
