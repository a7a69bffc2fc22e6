using Cooperation.ServiceDefaults.Audit;
using Cooperation.ServiceDefaults.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

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

internal sealed class Inbox(CooperationDbContext db, TimeProvider clock, ILogger<Inbox> logger) : IInbox
{
    public async Task<bool> AlreadyProcessedAsync(ConsumeContext context, string consumer)
    {
        var messageId = context.MessageId
                        ?? throw new InvalidOperationException("A cooperation message must carry a message id.");
        var seen = await db.ProcessedMessages.AnyAsync(
            m => m.MessageId == messageId && m.Consumer == consumer, context.CancellationToken);
        if (seen)
        {
            // Ids only: a redelivery or duplicate is normal after a crash, and operators may want to see it.
            logger.LogInformation("Message {MessageId} already processed by {Consumer}; duplicate ignored", messageId, consumer);
            return true;
        }
        db.ProcessedMessages.Add(new ProcessedMessage { MessageId = messageId, Consumer = consumer, ProcessedAt = clock.GetUtcNow() });
        db.Audit.Actor = AuditActors.OfMessage(context);
        return false;
    }
}
