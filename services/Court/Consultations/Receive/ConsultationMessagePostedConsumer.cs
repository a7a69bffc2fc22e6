using Cooperation.Contracts.Consultations;
using Cooperation.Court.Persistence;
using Cooperation.Court.Requests.Evidence;
using Cooperation.Organs;
using Cooperation.Proceedings.Consultations;
using Cooperation.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Court.Consultations.Receive;

/// <summary>A State wrote in a consultation on one of this organ's requests.</summary>
public sealed class ConsultationMessagePostedConsumer(CourtDbContext db, IInbox inbox, CourtOrgan organ)
    : IConsumer<ConsultationMessagePosted>
{
    public async Task Consume(ConsumeContext<ConsultationMessagePosted> context)
    {
        if (await inbox.AlreadyProcessedAsync(context, nameof(ConsultationMessagePostedConsumer))) return;
        var m = context.Message;
        var consultation = await db.Consultations.Include(c => c.Entries).SingleOrDefaultAsync(
                               c => c.Id == m.ConsultationId && c.RequestId == m.RequestId && c.StateCode == m.StateCode
                                    && c.IssuingOrgan == organ.Organ, context.CancellationToken)
                           ?? throw new UnknownRequestException(m.RequestId);
        if (m.AuthorOrgan != Organ.State) throw new InvalidOperationException("A State can only write as the State.");
        if (consultation.Entries.All(e => e.Id != m.EntryId))
        {
            var entry = new ConsultationEntry
            {
                Id = m.EntryId, AuthorOrgan = m.AuthorOrgan, Classification = m.Classification, Text = m.Text,
                Attachments = m.Attachments, PostedAt = m.PostedAt,
            };
            if (ConsultationFlow.Post(consultation, entry) is { } refused)
                throw new InvalidOperationException($"Consultation {m.ConsultationId}: {refused.Code}.");
            db.Add(entry);
        }
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
