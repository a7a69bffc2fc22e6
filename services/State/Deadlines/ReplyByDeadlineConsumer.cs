using Cooperation.Contracts;
using Cooperation.Contracts.Requests;
using Cooperation.Deadlines;
using Cooperation.Organs;
using Cooperation.Proceedings.Persistence;
using Cooperation.Proceedings.Deadlines;
using Cooperation.State.Configuration;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cooperation.State.Deadlines;

/// <summary>
/// A request (or a new version) with a reply-by date: the State owes the reply, so its node keeps the
/// timer — reminders before, and the miss, go to the issuing organ as well. A new version replaces the timer.
/// Idempotent by the deadline it keeps (one per request version), so it needs no inbox row of its own:
/// the receiving consumer's inbox row stays the one record of the message.
/// </summary>
public sealed class ReplyByDeadlineConsumer(ProceedingsDbContext db, IDeadlineScheduler deadlines, IOptions<StateOptions> state)
    : IConsumer<TransmitRequest>
{
    public async Task Consume(ConsumeContext<TransmitRequest> context)
    {
        var m = context.Message;
        var own = state.Value.NormalizedCode;
        var kept = await db.Deadlines.AnyAsync(
            d => d.RequestId == m.RequestId && d.Kind == DeadlineKind.ReplyBy && d.RequestVersion >= m.RequestVersion, context.CancellationToken);
        if (m.StateCode == own && !kept)
        {
            await deadlines.CancelAsync(DeadlineKind.ReplyBy, m.RequestId, ct: context.CancellationToken);
            if (m.Contents.ReplyBy is { } replyBy)
                deadlines.Schedule(Deadline.ReplyBy(replyBy, m.RequestId) with { State = StateCode.Parse(own) },
                    new DeadlineAudience(Organ.State, [Addresses.FromStateTo(own, m.SenderOrgan)], m.Classification, m.RequestVersion));
        }
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
