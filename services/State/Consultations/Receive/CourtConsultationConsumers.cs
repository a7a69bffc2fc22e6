using Cooperation.Consultations;
using Cooperation.Contracts.Consultations;
using Cooperation.Requests;
using Cooperation.Proceedings.Consultations;
using Cooperation.Proceedings.Webhooks;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.State.Configuration;
using Cooperation.State.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cooperation.State.Consultations.Receive;

/// <summary>The issuing organ opened a consultation on a request this State holds.</summary>
public sealed class ConsultationOpenedConsumer(StateDbContext db, IInbox inbox, IOptions<StateOptions> state) : IConsumer<ConsultationOpened>
{
    public async Task Consume(ConsumeContext<ConsultationOpened> context)
    {
        if (await inbox.AlreadyProcessedAsync(context, nameof(ConsultationOpenedConsumer))) return;
        var m = context.Message;
        var own = state.Value.NormalizedCode;
        var request = await db.Requests.Include(r => r.History).SingleOrDefaultAsync(r => r.Id == m.RequestId, context.CancellationToken);
        if (request is null || m.StateCode != own || m.SenderOrgan != request.IssuingOrgan)
            throw new InvalidOperationException($"Consultation {m.ConsultationId} concerns no request this State holds from that organ.");
        if (!await db.Consultations.AnyAsync(c => c.Id == m.ConsultationId, context.CancellationToken))
        {
            var facts = request.Facts(own);
            if (request.Apply(new RequestCommand.OpenConsultation(), m.SenderOrgan.ToString().ToLowerInvariant(), m.OpenedAt) is Decision.Refused refused)
                throw new InvalidOperationException($"Request {m.RequestId} cannot enter consultation {m.ConsultationId} ({refused.Code}).");
            db.Consultations.Add(ConsultationFlow.FromMessage(m, facts));
        }
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

/// <summary>The issuing organ wrote in a consultation; its first answer is what the State's service level awaits.</summary>
public sealed class ConsultationMessagePostedConsumer(
    StateDbContext db, IInbox inbox, IOptions<StateOptions> state, ConsultationServiceLevels levels, IWebhookQueue webhooks)
    : IConsumer<ConsultationMessagePosted>
{
    public async Task Consume(ConsumeContext<ConsultationMessagePosted> context)
    {
        if (await inbox.AlreadyProcessedAsync(context, nameof(ConsultationMessagePostedConsumer))) return;
        var m = context.Message;
        var consultation = await db.Consultations.Include(c => c.Entries).SingleOrDefaultAsync(
                               c => c.Id == m.ConsultationId && c.RequestId == m.RequestId, context.CancellationToken)
                           ?? throw new InvalidOperationException($"Consultation {m.ConsultationId} is not known here.");
        if (m.StateCode != state.Value.NormalizedCode || m.AuthorOrgan != consultation.IssuingOrgan)
            throw new InvalidOperationException($"Consultation {m.ConsultationId}: message from an organ that is not a party.");
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
            levels.Record(consultation);
            // Issue 14: the State's systems are told that the Court wrote; the text stays behind their token.
            var own = state.Value.NormalizedCode;
            await webhooks.QueueAsync(WebhookEvents.ConsultationMessage,
                new WebhookEventData(m.RequestId, m.RequestVersion, $"/states/{own}/requests/{m.RequestId}/consultations/{m.ConsultationId}",
                    m.ConsultationId, m.EntryId), context.CancellationToken);
        }
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

/// <summary>
/// The issuing organ closed the consultation. The request's status follows the outcome by the same rule as
/// at the Court (RequestLifecycle); for Modified the new version arrives as its own TransmitRequest.
/// </summary>
public sealed class ConsultationClosedConsumer(StateDbContext db, IInbox inbox, IOptions<StateOptions> state, ConsultationServiceLevels levels)
    : IConsumer<ConsultationClosed>
{
    public async Task Consume(ConsumeContext<ConsultationClosed> context)
    {
        if (await inbox.AlreadyProcessedAsync(context, nameof(ConsultationClosedConsumer))) return;
        var m = context.Message;
        var own = state.Value.NormalizedCode;
        var consultation = await db.Consultations.Include(c => c.Entries).SingleOrDefaultAsync(
                               c => c.Id == m.ConsultationId && c.RequestId == m.RequestId, context.CancellationToken)
                           ?? throw new InvalidOperationException($"Consultation {m.ConsultationId} is not known here.");
        var request = await db.Requests.Include(r => r.History).SingleOrDefaultAsync(r => r.Id == m.RequestId, context.CancellationToken)
                      ?? throw new InvalidOperationException($"Request {m.RequestId} is not known here.");
        if (m.StateCode != own || m.ClosedBy != consultation.IssuingOrgan)
            throw new InvalidOperationException($"Consultation {m.ConsultationId}: closed by an organ that is not the issuing organ.");

        if (consultation.Status == ConsultationStatus.Open)
        {
            var thread = ConsultationThread.Decide(consultation.ToSnapshot(), new ConsultationCommand.Close(m.Outcome, m.ClosedBy, m.ClosedAt));
            if (thread is ConsultationDecision.Refused refused)
                throw new InvalidOperationException($"Consultation {m.ConsultationId}: {refused.Code}.");
            consultation.Apply(((ConsultationDecision.Accepted)thread).Snapshot);
            consultation.ClosedBy = m.ClosedBy;
            consultation.ClosingNote = m.Note;
            consultation.PostponementGround = m.PostponementGround;
            consultation.PostponedUntil = m.PostponedUntil;
            consultation.NewVersion = m.NewVersion;
            consultation.ChangedElements = m.ChangedElements;
            levels.Record(consultation);

            // Modified: the TransmitRequest of the new version sets the request's status when it arrives.
            if (m.Outcome != ConsultationOutcome.Modified && request.Status == Cooperation.Requests.RequestStatus.InConsultation)
            {
                var decision = request.Apply(new RequestCommand.CloseConsultation(m.Outcome, m.PostponementGround, m.PostponedUntil),
                    m.ClosedBy.ToString().ToLowerInvariant(), m.ClosedAt);
                if (decision is not Decision.Accepted accepted)
                    throw new InvalidOperationException($"Request {m.RequestId}: outcome {m.Outcome} refused ({((Decision.Refused)decision).Code}).");
                consultation.StatusBeforePostponement = accepted.Snapshot.StatusBeforePostponement;
            }
        }
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
