using Cooperation.Assembly.Persistence;
using Cooperation.Contracts.NonCompliance;
using Cooperation.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Cooperation.Assembly.Cases.Notified;

/// <summary>
/// The Registry notified the Assembly of a case (a referral or another step of a non-compliance matter, Art 87(7);
/// an imminent incident; an overdue travel alert). One case per case id, holding the latest notification: a
/// redelivery changes nothing (inbox), and an older notification arriving after a newer one is kept out.
/// </summary>
public sealed class NonCooperationNotifiedConsumer(AssemblyDbContext db, IInbox inbox, TimeProvider clock, ILogger<NonCooperationNotifiedConsumer> logger)
    : IConsumer<NonCooperationNotified>
{
    public async Task Consume(ConsumeContext<NonCooperationNotified> context)
    {
        if (await inbox.AlreadyProcessedAsync(context, nameof(NonCooperationNotifiedConsumer))) return;
        var m = context.Message;
        var now = clock.GetUtcNow();
        var record = await db.Cases.SingleOrDefaultAsync(c => c.Id == m.CaseId, context.CancellationToken);
        if (record is null)
        {
            record = new AssemblyCaseRecord { Id = m.CaseId, StateCode = m.StateCode, FirstNotifiedAt = now, LastNotifiedAt = DateTimeOffset.MinValue };
            db.Cases.Add(record);
        }
        else if (record.StateCode != m.StateCode)
            throw new UnacceptableMessageException($"Notification for case {m.CaseId} names another State than the case's.");

        if (m.NotifiedAt >= record.LastNotifiedAt)
        {
            record.Reason = m.Reason;
            record.RequestId = m.RequestId;
            record.RequestVersion = m.RequestVersion;
            record.RequestReference = m.RequestReference;
            record.Situation = m.Situation;
            record.Classification = m.Classification;
            record.CourtSteps = m.Steps;
            record.ExpectedFrom = m.ExpectedFrom;
            record.ExpectedUntil = m.ExpectedUntil;
            record.LastNotifiedAt = m.NotifiedAt;
            record.Revision++;
        }
        await db.SaveChangesAsync(context.CancellationToken);
        logger.LogInformation("Case {CaseId} ({Reason}) notified for State {State}: {Steps} Court step(s)", m.CaseId, m.Reason, m.StateCode, m.Steps.Count);
    }
}
