using Cooperation.Contracts.Requests;
using Cooperation.Court.Persistence;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Court.Requests.Evidence;

/// <summary>Records the Acknowledged evidence: a person or system at the State accepted the request.</summary>
public sealed class RequestAcknowledgedConsumer(CourtDbContext db, IInbox inbox) : IConsumer<RequestAcknowledged>
{
    public async Task Consume(ConsumeContext<RequestAcknowledged> context)
    {
        if (await inbox.AlreadyProcessedAsync(context, nameof(RequestAcknowledgedConsumer))) return;
        var m = context.Message;
        var request = await db.Requests.SingleOrDefaultAsync(r => r.Id == m.RequestId, context.CancellationToken)
                      ?? throw new UnknownRequestException(m.RequestId);
        if (request.StateCode != m.StateCode) throw new UnknownRequestException(m.RequestId);

        if (request.AcknowledgedAt is null)
        {
            request.AcknowledgedAt = m.AcknowledgedAt;
            request.AcknowledgedBy = m.AcknowledgedBy;
            if (request.Status is RequestStatus.Transmitted or RequestStatus.Delivered)
            {
                var from = request.Status;
                request.Status = RequestStatus.Acknowledged;
                request.Record("acknowledged", from, RequestStatus.Acknowledged, $"state:{m.StateCode}", m.AcknowledgedAt);
            }
        }
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
