namespace Cooperation.ServiceDefaults.Messaging;

/// <summary>
/// A message waiting to be sent, written in the same transaction as the state change that
/// caused it (persist, then publish). Its id is the message id on the wire, so a resend after a
/// crash is recognised by the receiver's inbox.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }
    public string Destination { get; set; } = "";
    /// <summary>"Namespace.Type, Assembly" of the contract.</summary>
    public string MessageType { get; set; } = "";
    public string Body { get; set; } = "";
    /// <summary>W3C traceparent of the activity that wrote it, so the trace continues across the outbox.</summary>
    public string? TraceParent { get; set; }
    public string? TraceState { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>Failed sends so far; the next try waits a bounded backoff (see <see cref="NextAttemptAt"/>).</summary>
    public int Attempts { get; set; }
    /// <summary>Not before this time (after a failed send); null when due at once.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }
    /// <summary>Exception type of the last failed attempt (never its message: it could quote content).</summary>
    public string? LastError { get; set; }
}
