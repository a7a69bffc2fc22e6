using Cooperation.Contracts.Assembly;
using Cooperation.Organs;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.State.Configuration;
using Cooperation.State.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cooperation.State.Assembly;

/// <summary>
/// The Assembly told this State a step of its formal response about it (ICC-ASP/10/Res.5 annex, para 14). Kept once
/// per case and step (inbox, and the unique step): a redelivery changes nothing.
/// </summary>
public sealed class AssemblyStepTakenConsumer(StateDbContext db, IInbox inbox, IOptions<StateOptions> state, TimeProvider clock)
    : IConsumer<AssemblyStepTaken>
{
    public async Task Consume(ConsumeContext<AssemblyStepTaken> context)
    {
        if (await inbox.AlreadyProcessedAsync(context, nameof(AssemblyStepTakenConsumer))) return;
        var m = context.Message;
        if (m.StateCode != state.Value.NormalizedCode || m.SenderOrgan != Organ.Assembly)
            throw new UnacceptableMessageException($"Assembly step for case {m.CaseId} is not addressed to this State by the Assembly.");
        if (!await db.AssemblySteps.AnyAsync(s => s.CaseId == m.CaseId && s.Step == m.Step, context.CancellationToken))
            db.AssemblySteps.Add(new AssemblyStepRecord
            {
                Id = Guid.CreateVersion7(), CaseId = m.CaseId, RequestId = m.RequestId, RequestReference = m.RequestReference,
                Step = m.Step, On = m.On, DocumentReference = m.Document.Reference, DocumentTitle = m.Document.Title,
                DocumentDate = m.Document.Date, ViewsDueBy = m.ViewsDueBy, ReceivedAt = clock.GetUtcNow(),
            });
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
