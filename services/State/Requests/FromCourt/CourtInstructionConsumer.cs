using Cooperation.Contracts;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.State.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.State.Requests.FromCourt;

/// <summary>
/// What every instruction from the issuing organ does at the State: once per message (inbox),
/// on a request this State received, the same lifecycle rule the organ ran. A refusal means the
/// sides disagree: error queue for an operator (ids and the rule's code only), nothing changed.
/// </summary>
public abstract class CourtInstructionConsumer<T>(StateDbContext db, IInbox inbox) : IConsumer<T> where T : class, ICooperationMessage
{
    public async Task Consume(ConsumeContext<T> context)
    {
        if (await inbox.AlreadyProcessedAsync(context, GetType().Name)) return;
        var m = context.Message;
        var request = await db.Requests.Include(r => r.History).SingleOrDefaultAsync(r => r.Id == m.RequestId, context.CancellationToken)
                      ?? throw new InvalidOperationException($"{typeof(T).Name} for request {m.RequestId}, which this State never received.");
        if (request.Apply(Command(m), m.SenderOrgan.ToString().ToLowerInvariant(), m.SentAt) is Decision.Refused refused)
            throw new InvalidOperationException($"{typeof(T).Name} for request {m.RequestId} refused by the lifecycle ({refused.Code}).");
        await db.SaveChangesAsync(context.CancellationToken);
    }

    protected abstract RequestCommand Command(T message);
}
