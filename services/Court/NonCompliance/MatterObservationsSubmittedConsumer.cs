using Cooperation.Contracts.NonCompliance;
using Cooperation.Court.Persistence;
using Cooperation.NonCompliance;
using Cooperation.Proceedings.Deadlines;
using Cooperation.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Cooperation.Court.NonCompliance;

/// <summary>
/// The State's observations on a matter concerning it (Regulation 109), from its own queue: InboundSenderFilter has
/// already checked that the State sending is the one the matter concerns. Recorded as a step; the timer stops; the
/// State is told the step was recorded. Observations the track no longer admits (the Chamber decided first) are logged
/// by id and dropped: the State's copy then shows the Chamber's step instead.
/// </summary>
public sealed class MatterObservationsSubmittedConsumer(
    CourtDbContext db, IInbox inbox, IOutbox outbox, IDeadlineScheduler deadlines, TimeProvider clock, ILogger<MatterObservationsSubmittedConsumer> logger)
    : IConsumer<MatterObservationsSubmitted>
{
    public async Task Consume(ConsumeContext<MatterObservationsSubmitted> context)
    {
        if (await inbox.AlreadyProcessedAsync(context, nameof(MatterObservationsSubmittedConsumer))) return;
        var m = context.Message;
        var matter = await db.Matters.SingleOrDefaultAsync(x => x.Id == m.MatterId && x.RequestId == m.RequestId && x.StateCode == m.StateCode,
                         context.CancellationToken)
                     ?? throw new UnknownMatterException(m.MatterId);
        var now = clock.GetUtcNow();
        var decision = NonComplianceMatter.Decide(matter.ToSnapshot(), new MatterCommand.SubmitObservations(DateOnly.FromDateTime(m.SubmittedAt.UtcDateTime)));
        if (decision is MatterDecision.Accepted accepted)
        {
            matter.Observations = m.Text;
            matter.ObservationsSubmittedAt = m.SubmittedAt;
            MatterFlow.Record(matter, accepted, outbox, deadlines, now);
            await MatterFlow.StopObservationsTimerAsync(matter, deadlines, context.CancellationToken);
        }
        else
            logger.LogWarning("Observations on matter {MatterId} arrived at step {Step} and were not recorded ({Code})",
                matter.Id, matter.Step, ((MatterDecision.Refused)decision).Code);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

/// <summary>A message about a matter this Registry does not hold for that State and request: it can never succeed.</summary>
public sealed class UnknownMatterException(Guid matterId) : UnacceptableMessageException($"No matter {matterId} concerns the sending State.");
