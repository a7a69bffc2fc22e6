using Cooperation.Alerts;
using Cooperation.Contracts;
using Cooperation.Contracts.Alerts;
using Cooperation.Proceedings.Webhooks;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.State.Configuration;
using Cooperation.State.Persistence;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Cooperation.State.Alerts;

/// <summary>Takes in an alert sent to this State's queue and answers Delivered, both in one transaction (inbox, outbox).</summary>
public sealed class TravelAlertIssuedConsumer(
    StateDbContext db, IInbox inbox, IOutbox outbox, IOptions<StateOptions> state, TimeProvider clock, IWebhookQueue webhooks)
    : IConsumer<TravelAlertIssued>
{
    public async Task Consume(ConsumeContext<TravelAlertIssued> context)
    {
        if (await inbox.AlreadyProcessedAsync(context, nameof(TravelAlertIssuedConsumer))) return;
        var m = context.Message;
        var code = state.Value.NormalizedCode;
        // The broker topology keeps other States' alerts out; refuse one that slipped through.
        if (!string.Equals(m.StateCode, code, StringComparison.Ordinal))
            throw new UnacceptableMessageException("A travel alert addressed to another State reached this node; refused.");
        if (await db.TravelAlerts.FindAsync([m.AlertId], context.CancellationToken) is not null)
            throw new UnacceptableMessageException($"Travel alert {m.AlertId} was already received.");

        var now = clock.GetUtcNow();
        var alert = new ReceivedTravelAlert
        {
            Id = m.AlertId,
            Reference = m.Reference,
            RequestId = m.RequestId,
            RequestVersion = m.RequestVersion,
            RequestReference = m.RequestReference,
            RequestSentWithAlert = m.RequestSentWithAlert,
            Role = m.Role,
            KnownDetails = m.KnownDetails,
            Obligation = m.Obligation,
            Classification = m.Classification,
            Readers = m.Readers,
            ReceivedAt = now,
            Snapshot = AlertEntrySnapshot.New(m.SentAt, m.AcknowledgeBy - m.SentAt, m.ExpectedFrom, m.ExpectedUntil),
        };
        alert.Apply(new AlertCommand.RecordDelivered(now));
        db.TravelAlerts.Add(alert);
        outbox.Send(Addresses.FromStateTo(code, m.SenderOrgan), new TravelAlertDelivered
        {
            RequestId = m.RequestId,
            RequestVersion = m.RequestVersion,
            Classification = m.Classification,
            SentAt = now,
            Readers = m.Readers,
            StateCode = code,
            AlertId = m.AlertId,
            DeliveredAt = now,
        });
        // The State's own systems hear of it in the same commit (issue 14): ids only, they read the alert with their token.
        await webhooks.QueueAsync(WebhookEvents.AlertReceived,
            new WebhookEventData(m.RequestId, m.RequestVersion, $"/states/{code}/alerts/{m.AlertId}") { AlertId = m.AlertId },
            context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
