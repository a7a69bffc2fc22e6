namespace Cooperation.ServiceDefaults.Problems;

/// <summary>
/// One stable <c>type</c> per error kind (RFC 9457), so partner systems can branch on it.
/// The detail text never carries request content.
/// </summary>
public static class ProblemTypes
{
    private const string Base = "https://cooperation-platform.example/problems/";

    public const string MalformedBody = Base + "malformed-body";
    public const string Validation = Base + "validation";
    /// <summary>A field longer, or a list longer, than its cap (422, every such field listed).</summary>
    public const string LimitExceeded = Base + "limit-exceeded";
    public const string IncompleteRequest = Base + "incomplete-request";
    public const string NotFound = Base + "not-found";
    public const string MethodNotAllowed = Base + "method-not-allowed";
    public const string Conflict = Base + "conflict";
    public const string IllegalTransition = Base + "illegal-transition";
    public const string PayloadTooLarge = Base + "payload-too-large";
    public const string UnsupportedMediaType = Base + "unsupported-media-type";
    public const string Unexpected = Base + "unexpected";
    public const string IdempotencyKeyReused = Base + "idempotency-key-reused";
    public const string IdempotencyKeyInFlight = Base + "idempotency-key-in-flight";
    public const string ReplayNotPermitted = Base + "replay-not-permitted";
    public const string Unauthorized = Base + "unauthorized";
    public const string Forbidden = Base + "forbidden";
    public const string RateLimited = Base + "rate-limited";
    public const string Timeout = Base + "timeout";
    public const string BadGateway = Base + "bad-gateway";
    public const string Unavailable = Base + "unavailable";

    /// <summary>A transition the lifecycle refused, by its stable code (e.g. illegal-transition, denial-not-allowed).</summary>
    public static string Lifecycle(string code) => Base + code;
}
