using Cooperation.ServiceDefaults.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.ServiceDefaults.Messaging;

/// <summary>Idempotent consumption: record the message id with the change, in one transaction.</summary>
public interface IInbox
{
    /// <summary>
    /// True if this consumer already handled the message (then do nothing). Otherwise stages the
    /// inbox row in the current unit of work; the consumer's SaveChanges commits both.
    /// </summary>
    Task<bool> AlreadyProcessedAsync(ConsumeContext context, string consumer);
}

internal sealed class Inbox(CooperationDbContext db, TimeProvider clock) : IInbox
{
    public async Task<bool> AlreadyProcessedAsync(ConsumeContext context, string consumer)
    {
        var messageId = context.MessageId
                        ?? throw new InvalidOperationException("A cooperation message must carry a message id.");
        var seen = await db.ProcessedMessages.AnyAsync(
            m => m.MessageId == messageId && m.Consumer == consumer, context.CancellationToken);
        if (seen) return true;
        db.ProcessedMessages.Add(new ProcessedMessage { MessageId = messageId, Consumer = consumer, ProcessedAt = clock.GetUtcNow() });
        return false;
    }
}
