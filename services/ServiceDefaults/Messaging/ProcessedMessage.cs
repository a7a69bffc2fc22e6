namespace Cooperation.ServiceDefaults.Messaging;

/// <summary>
/// The inbox: one row per (message id, consumer) handled, written in the same transaction as the
/// consumer's change, so a redelivered or duplicated message changes nothing.
/// </summary>
public sealed class ProcessedMessage
{
    public Guid MessageId { get; set; }
    public string Consumer { get; set; } = "";
    public DateTimeOffset ProcessedAt { get; set; }
}
