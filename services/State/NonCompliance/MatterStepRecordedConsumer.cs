using Cooperation.Contracts.NonCompliance;
using Cooperation.Organs;
using Cooperation.Proceedings.Webhooks;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.State.Configuration;
using Cooperation.State.Persistence;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Cooperation.State.NonCompliance;

/// <summary>
/// The Registry recorded a step of a matter about this State. Each message carries every step so far; the copy
/// keeps the fullest (a late redelivery of an earlier step changes nothing).
/// </summary>
public sealed class MatterStepRecordedConsumer(
    StateDbContext db, IInbox inbox, IOptions<StateOptions> state, TimeProvider clock, IWebhookQueue webhooks)
    : IConsumer<MatterStepRecorded>
{
    public async Task Consume(ConsumeContext<MatterStepRecorded> context)
    {
        if (await inbox.AlreadyProcessedAsync(context, nameof(MatterStepRecordedConsumer))) return;
        var m = context.Message;
        if (m.StateCode != state.Value.NormalizedCode || m.SenderOrgan != Organ.Registry)
            throw new InvalidOperationException($"Matter {m.MatterId} does not concern this State or was not recorded by the Registry.");
        var now = clock.GetUtcNow();
        var copy = await db.Matters.FindAsync([m.MatterId], context.CancellationToken);
        if (copy is null)
        {
            copy = new MatterCopy { Id = m.MatterId, RequestId = m.RequestId, RequestReference = m.RequestReference, ReceivedAt = now };
            db.Matters.Add(copy);
        }
        else if (copy.RequestId != m.RequestId)
            throw new InvalidOperationException($"Matter {m.MatterId} changed request.");
        if (copy.Steps.Count <= m.Steps.Count)
        {
            copy.RequestVersion = m.RequestVersion;
            copy.Classification = m.Classification;
            copy.Step = m.Step;
            copy.Steps = m.Steps;
            copy.ObservationsDueBy = m.ObservationsDueBy;
            copy.UpdatedAt = now;
            copy.Revision++;
            // Issue 14: the State's systems are told of the step (its name and the matter's id), in the same commit.
            await webhooks.QueueAsync(WebhookEvents.MatterStep,
                new WebhookEventData(m.RequestId, m.RequestVersion, $"/states/{m.StateCode}/matters/{m.MatterId}")
                    { MatterId = m.MatterId, Step = m.Step.ToString() },
                context.CancellationToken);
        }
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
