using Cooperation.Contracts;
using Cooperation.Contracts.Requests;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.State.Configuration;
using Cooperation.State.Persistence;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Cooperation.State.Requests.Receive;

/// <summary>
/// Takes in a request sent to this State's queue and answers Delivered (the evidence that the
/// State's node persisted it), both in one transaction.
/// </summary>
public sealed class TransmitRequestConsumer(StateDbContext db, IInbox inbox, IOutbox outbox, IOptions<StateOptions> state, TimeProvider clock)
    : IConsumer<TransmitRequest>
{
    public async Task Consume(ConsumeContext<TransmitRequest> context)
    {
        if (await inbox.AlreadyProcessedAsync(context, nameof(TransmitRequestConsumer))) return;
        var m = context.Message;
        var code = state.Value.NormalizedCode;
        // The broker topology already keeps other States' requests out; refuse one that slipped through.
        if (!string.Equals(m.StateCode, code, StringComparison.Ordinal))
            throw new InvalidOperationException("A request addressed to another State reached this node; refused.");

        var now = clock.GetUtcNow();
        var request = await db.Requests.FindAsync([m.RequestId], context.CancellationToken);
        if (request is null)
        {
            request = new ReceivedRequest { Id = m.RequestId };
            db.Requests.Add(request);
        }
        request.Reference = m.Reference;
        request.Kind = m.Kind;
        request.IssuingOrgan = m.SenderOrgan;
        request.Classification = m.Classification;
        request.Readers = m.Readers;
        request.Language = m.Language;
        request.Urgent = m.Urgent;
        request.Contents = m.Contents;
        request.Version = m.RequestVersion;
        request.Status = RequestStatus.Delivered;
        request.SubmittedAt = m.SubmittedAt;
        request.DeliveredAt = now;

        outbox.Send(Addresses.FromStateTo(code, m.SenderOrgan), new RequestDelivered
        {
            RequestId = m.RequestId,
            RequestVersion = m.RequestVersion,
            Classification = m.Classification,
            SentAt = now,
            StateCode = code,
            DeliveredAt = now,
        });
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
