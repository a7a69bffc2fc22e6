using System.Security.Cryptography;
using System.Text;

namespace Cooperation.Proceedings.Webhooks;

/// <summary>
/// The signature on every call: <c>Webhook-Signature: v1=&lt;hex HMAC-SHA256(secret, timestamp + "." + body)&gt;</c>,
/// one <c>v1=</c> per valid secret (two during a rotation's grace period), with <c>Webhook-Timestamp</c> in Unix
/// seconds and <c>Webhook-Id</c> the delivery id. A receiver accepts a call when one signature matches, the
/// timestamp is within 5 minutes and the id is not one it has seen (README, "Webhooks").
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "Webhook-Id";
    public const string TimestampHeader = "Webhook-Timestamp";
    public const string SignatureHeader = "Webhook-Signature";
    private const string SecretPrefix = "whsec_";

    /// <summary>A new secret: 32 random bytes, base64url; the key is the whole string's UTF-8 bytes.</summary>
    public static string NewSecret() =>
        SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Sign(string secret, long timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    /// <summary>The header value for the secrets valid now, the current one first.</summary>
    public static string Header(IEnumerable<string> secrets, long timestamp, string body) =>
        string.Join(',', secrets.Select(s => "v1=" + Sign(s, timestamp, body)));
}
