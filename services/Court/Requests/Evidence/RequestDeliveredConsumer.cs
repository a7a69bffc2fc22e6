using Cooperation.Contracts.Requests;
using Cooperation.Court.Persistence;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Court.Requests.Evidence;

/// <summary>Records the Delivered evidence: the State's node has persisted the request.</summary>
public sealed class RequestDeliveredConsumer(CourtDbContext db, IInbox inbox) : IConsumer<RequestDelivered>
{
    public async Task Consume(ConsumeContext<RequestDelivered> context)
    {
        if (await inbox.AlreadyProcessedAsync(context, nameof(RequestDeliveredConsumer))) return;
        var m = context.Message;
        var request = await db.Requests.SingleOrDefaultAsync(r => r.Id == m.RequestId, context.CancellationToken)
                      ?? throw new UnknownRequestException(m.RequestId);
        if (request.StateCode != m.StateCode) throw new UnknownRequestException(m.RequestId);

        request.DeliveredAt ??= m.DeliveredAt;
        if (request.Status == RequestStatus.Transmitted)
        {
            request.Status = RequestStatus.Delivered;
            request.Record("delivered", RequestStatus.Transmitted, RequestStatus.Delivered, $"state:{m.StateCode}", m.DeliveredAt);
        }
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
