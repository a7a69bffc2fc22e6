using Cooperation.Contracts.Consultations;
using Cooperation.Court.Persistence;
using Cooperation.Court.Requests.Evidence;
using Cooperation.Requests;
using Cooperation.Proceedings.Consultations;
using Cooperation.Proceedings.Webhooks;
using Cooperation.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Court.Consultations.Receive;

/// <summary>A State opened a consultation on one of this organ's requests: record it, measure "without delay".</summary>
public sealed class ConsultationOpenedConsumer(
    CourtDbContext db, IInbox inbox, CourtOrgan organ, ConsultationServiceLevels levels, IWebhookQueue webhooks)
    : IConsumer<ConsultationOpened>
{
    public async Task Consume(ConsumeContext<ConsultationOpened> context)
    {
        if (await inbox.AlreadyProcessedAsync(context, nameof(ConsultationOpenedConsumer))) return;
        var m = context.Message;
        var request = await db.Requests.Include(r => r.History).SingleOrDefaultAsync(
                          r => r.Id == m.RequestId && r.IssuingOrgan == organ.Organ && r.StateCode == m.StateCode, context.CancellationToken)
                      ?? throw new UnknownRequestException(m.RequestId);
        if (!await db.Consultations.AnyAsync(c => c.Id == m.ConsultationId, context.CancellationToken))
        {
            var facts = request.Facts();
            // Refused (e.g. the Delivered evidence not yet recorded): retried, then the error queue with ids only.
            if (request.Apply(new RequestCommand.OpenConsultation(), $"state:{m.StateCode}", m.OpenedAt) is Decision.Refused refused)
                throw new InvalidOperationException($"Request {m.RequestId} cannot enter consultation {m.ConsultationId} ({refused.Code}).");
            var consultation = ConsultationFlow.FromMessage(m, facts);
            levels.Record(consultation);
            db.Consultations.Add(consultation);
            // Issue 14: the desk's systems are told in the same commit; the grounds and text stay behind their token.
            await webhooks.QueueAsync(WebhookEvents.ConsultationOpened,
                new WebhookEventData(m.RequestId, m.RequestVersion, $"{organ.RoutePrefix}/requests/{m.RequestId}/consultations/{m.ConsultationId}",
                    m.ConsultationId), context.CancellationToken);
        }
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
