using System.Text.Json;
using Cooperation.AssemblyProcedures;
using Cooperation.Assembly.Cases;
using Cooperation.Assembly.Persistence;
using Cooperation.Contracts.Assembly;
using Cooperation.Proceedings.Deadlines;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Assembly.StateViews;

/// <summary>
/// The State's views on the President's letter (ICC-ASP/10/Res.5 annex, para 14), from its own queue (checked by
/// AssemblySenderFilter). The first views meet the letter's deadline; later ones are kept beside them.
/// </summary>
public sealed class StateViewsSubmittedConsumer(AssemblyDbContext db, IInbox inbox, IDeadlineScheduler deadlines, TimeProvider clock)
    : IConsumer<StateViewsSubmitted>
{
    public async Task Consume(ConsumeContext<StateViewsSubmitted> context)
    {
        if (await inbox.AlreadyProcessedAsync(context, nameof(StateViewsSubmittedConsumer))) return;
        var m = context.Message;
        var record = await db.Cases.Include(c => c.FormalSteps).Include(c => c.Assignments).Include(c => c.Views)
            .SingleAsync(c => c.Id == m.CaseId, context.CancellationToken);
        if (record.Views.Any(v => v.Id == m.SubmissionId)) return;
        var decision = AssemblyProcedure.Decide(record.ToSnapshot(), new AssemblyCommand.ReceiveStateViews(m.SubmittedAt));
        if (decision is AssemblyDecision.Refused refused)
            throw new UnacceptableMessageException($"Views for case {m.CaseId} refused ({refused.Code}).");
        var accepted = (AssemblyDecision.Accepted)decision;
        db.StateViews.Add(new StateViewsEntry
        {
            Id = m.SubmissionId, CaseId = record.Id, Views = m.Views,
            DocumentsJson = JsonSerializer.Serialize(m.Documents, StoredJson.Options),
            SubmittedAt = m.SubmittedAt, ReceivedAt = clock.GetUtcNow(),
        });
        record.ViewsReceivedAt = accepted.Snapshot.ViewsReceivedAt;
        record.Revision++;
        if (accepted.DeadlineEnded is { } ended) await deadlines.CancelAsync(ended, record.RequestId, ct: context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
