using System.Diagnostics;
using System.Text.Json;
using Cooperation.ServiceDefaults.Persistence;

namespace Cooperation.ServiceDefaults.Messaging;

/// <summary>Stages messages in the service's own database; the dispatcher sends them after commit.</summary>
public interface IOutbox
{
    /// <summary>Adds the message to the current unit of work. Nothing is sent until SaveChanges commits.</summary>
    Guid Send<T>(Uri destination, T message) where T : class;
}

internal sealed class Outbox(CooperationDbContext db, TimeProvider clock) : IOutbox
{
    public Guid Send<T>(Uri destination, T message) where T : class
    {
        var activity = Activity.Current;
        var row = new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            Destination = destination.ToString(),
            MessageType = MessageTypes.NameOf(message.GetType()),
            Body = JsonSerializer.Serialize(message, message.GetType(), MessageTypes.Json),
            TraceParent = activity?.Id,
            TraceState = activity?.TraceStateString,
            CreatedAt = clock.GetUtcNow(),
        };
        db.OutboxMessages.Add(row);
        return row.Id;
    }
}
