using Cooperation.Contracts;
using Cooperation.Contracts.Requests;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.Proceedings.Deadlines;
using Cooperation.Proceedings.Webhooks;
using Cooperation.State.Configuration;
using Cooperation.State.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cooperation.State.Requests.Receive;

/// <summary>
/// Takes in a request sent to this State's queue and answers Delivered (the evidence that the
/// State's node persisted it), both in one transaction.
/// </summary>
public sealed class TransmitRequestConsumer(
    StateDbContext db, IInbox inbox, IOutbox outbox, IOptions<StateOptions> state, TimeProvider clock, IDeadlineScheduler deadlines,
    IWebhookQueue webhooks)
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
        var request = await db.Requests.Include(r => r.History).SingleOrDefaultAsync(r => r.Id == m.RequestId, context.CancellationToken);
        var isNewVersion = request is not null;
        if (request is not null)
        {
            // A new version (Art 97 outcome Modified) is taken in and acknowledged as delivered like the first.
            if (!Consultations.Receive.NewVersion.TryReceive(request, m, code, now))
                throw new InvalidOperationException($"Request {m.RequestId} was already received.");
        }
        else
        {
            request = new ReceivedRequest
            {
                Id = m.RequestId,
                Reference = m.Reference,
                Kind = m.Kind,
                IssuingOrgan = m.SenderOrgan,
                Readers = m.Readers,
                Language = m.Language,
                TranslationLanguage = m.TranslationLanguage,
                Urgent = m.Urgent,
                Contents = m.Contents,
                SubmittedAt = m.SubmittedAt,
                DeliveredAt = now,
                // The issuing organ's state as it sent it; delivery is this node's first transition.
                Lifecycle = RequestSnapshot.New(m.Kind, m.Classification, m.Urgent, m.Contents.Measure) with
                {
                    Status = RequestStatus.Transmitted,
                    Version = m.RequestVersion,
                    TransmittedAt = m.SubmittedAt,
                    FirstTransmittedAt = m.SubmittedAt,
                },
            };
            request.Apply(new RequestCommand.RecordDelivered(now), $"state:{code}", now);
            db.Requests.Add(request);

            // Art 89(3)(e): a transit request answering an unscheduled landing, received within the 96 hours,
            // ends the detention cap. One that comes later does not extend it (the landing says release is due).
            if (m.Kind == RequestKind.Transit && m.Contents.UnscheduledLandingId is { } landingId
                && await db.UnscheduledLandings.FindAsync([landingId], context.CancellationToken) is { } landing)
                await Transit.UnscheduledLandingEndpoint.AdvanceAsync(landing,
                    new Cooperation.Requests.Transit.LandingCommand.ReceiveTransitRequest(m.RequestId, now), code, now, outbox, deadlines,
                    context.CancellationToken);
        }

        outbox.Send(Addresses.FromStateTo(code, m.SenderOrgan), new RequestDelivered
        {
            RequestId = m.RequestId,
            RequestVersion = m.RequestVersion,
            Classification = m.Classification,
            SentAt = now,
            Readers = m.Readers,
            StateCode = code,
            DeliveredAt = now,
        });
        // The State's own systems hear of it in the same commit (issue 14): ids only, they read the request with their token.
        await webhooks.QueueAsync(isNewVersion ? WebhookEvents.RequestVersion : WebhookEvents.RequestReceived,
            new WebhookEventData(m.RequestId, m.RequestVersion, $"/states/{code}/requests/{m.RequestId}"), context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
