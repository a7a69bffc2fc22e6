namespace Cooperation.ServiceDefaults.Idempotency;

/// <summary>
/// The first answer to a POST carrying an <c>Idempotency-Key</c>, kept so a retry gets the same
/// answer and changes nothing. Written in the same transaction as the command's own change.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>Who sent it (the authenticated client, or "anonymous"): keys are scoped per caller.</summary>
    public string Caller { get; set; } = "";
    public string Key { get; set; } = "";
    /// <summary>"POST /registry/requests/…/transmit", for operators; part of the fingerprint too.</summary>
    public string Route { get; set; } = "";
    /// <summary>SHA-256 (hex) of method, path and body: the same key with another request is refused.</summary>
    public string Fingerprint { get; set; } = "";
    public int StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public byte[] Body { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
