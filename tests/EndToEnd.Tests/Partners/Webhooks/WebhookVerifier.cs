using System.Security.Cryptography;
using System.Text;

namespace Cooperation.EndToEnd.Tests.Partners.Webhooks;

/// <summary>
/// The receiver's check exactly as the README's "Webhooks" part documents it, written as a partner would from that
/// text alone: HMAC-SHA256 with the subscription secret over <c>timestamp + "." + body</c>, hex, compared in constant
/// time against each <c>v1=</c> of <c>Webhook-Signature</c>; refused when the timestamp is more than 5 minutes away
/// from the receiver's clock or the <c>Webhook-Id</c> was seen before.
/// </summary>
public sealed class WebhookVerifier(params string[] secrets)
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
    private readonly HashSet<string> _seen = [];

    /// <summary>Null when the call is accepted (and its id is remembered), else why it is refused.</summary>
    public string? Check(WebhookCall call, DateTimeOffset now)
    {
        if (call.Id is null || call.Timestamp is null || call.Signature is null) return "missing header";
        if (!long.TryParse(call.Timestamp, out var seconds)) return "bad timestamp";
        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Tolerance) return "timestamp outside 5 minutes";
        var signed = Encoding.UTF8.GetBytes($"{call.Timestamp}.{call.Body}");
        var matches = call.Signature.Split(',')
            .Select(s => s.Trim())
            .Where(s => s.StartsWith("v1=", StringComparison.Ordinal))
            .Select(s => s[3..])
            .Any(given => secrets.Any(secret => CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed))),
                Encoding.ASCII.GetBytes(given))));
        if (!matches) return "no valid signature";
        if (!_seen.Add(call.Id)) return "delivery id already seen";
        return null;
    }
}
