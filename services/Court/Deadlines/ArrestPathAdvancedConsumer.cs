using Cooperation.Contracts;
using Cooperation.Contracts.Arrest;
using Cooperation.Court.Persistence;
using Cooperation.Court.Requests.Evidence;
using Cooperation.Deadlines;
using Cooperation.Organs;
using Cooperation.Requests.Arrest;
using Cooperation.Proceedings.Arrest;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.Proceedings.Deadlines;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Court.Deadlines;

/// <summary>
/// A State reported a step on the arrest path. The issuing organ records the same stage and owns the
/// RPE 188 timer: documents due 60 days after the provisional arrest, reminders to itself (its table) and
/// to the State, the miss to both.
/// </summary>
public sealed class ArrestPathAdvancedConsumer(CourtDbContext db, IInbox inbox, CourtOrgan organ, IDeadlineScheduler deadlines)
    : IConsumer<ArrestPathAdvanced>
{
    public async Task Consume(ConsumeContext<ArrestPathAdvanced> context)
    {
        if (await inbox.AlreadyProcessedAsync(context, nameof(ArrestPathAdvancedConsumer))) return;
        var m = context.Message;
        var ct = context.CancellationToken;
        var request = await db.Requests.Include(r => r.History).SingleOrDefaultAsync(
                          r => r.Id == m.RequestId && r.IssuingOrgan == organ.Organ && r.StateCode == m.StateCode, ct)
                      ?? throw new UnknownRequestException(m.RequestId);

        var path = await db.ArrestPaths.FindAsync([m.RequestId], ct);
        if (path is null)
        {
            path = new ArrestPathRecord { RequestId = m.RequestId };
            path.Apply(ArrestSnapshot.Start(request.Kind), "", m.SentAt);
            db.ArrestPaths.Add(path);
        }
        var from = path.Stage;
        path.Apply(path.ToSnapshot() with
        {
            Stage = m.Stage,
            ArrestDate = m.ArrestDate ?? path.ArrestDate,
            DocumentsDueAt = m.DocumentsDueAt,
            DocumentsReceived = path.DocumentsReceived || m.Event == "documents-received" || m.Events.Contains("documents-received"),
            ReleasedOn = m.ReleasedOn,
            SurrenderDate = m.SurrenderDate ?? path.SurrenderDate,
            SurrenderedOn = m.SurrenderedOn ?? path.SurrenderedOn,
            BroughtBeforeJudicialAuthorityOn = m.BroughtBeforeJudicialAuthorityOn ?? path.BroughtBeforeJudicialAuthorityOn,
            InterimReleasedOn = m.InterimReleasedOn ?? path.InterimReleasedOn,
            SurrenderOrderedOn = m.SurrenderOrderedOn ?? path.SurrenderOrderedOn,
            SurrenderDeferredOn = m.SurrenderDeferredOn ?? path.SurrenderDeferredOn,
            DeferredUntil = m.DeferredUntil ?? path.DeferredUntil,
            TemporarilySurrenderedOn = m.TemporarilySurrenderedOn ?? path.TemporarilySurrenderedOn,
            TemporarySurrenderConditions = m.TemporarySurrenderConditions ?? path.TemporarySurrenderConditions,
            ReturnedOn = m.ReturnedOn,
        }, m.Event, m.SentAt);
        foreach (var e in m.Events.Count > 0 ? m.Events : [m.Event])
            request.Record($"arrest path: {e}", request.Status, request.Status, $"state:{m.StateCode}", m.SentAt);

        if (m.Stage == ArrestStage.AwaitingDocuments && from != ArrestStage.AwaitingDocuments && m.ArrestDate is { } arrestDate)
        {
            // RPE 188, Art 92(3): the Court owes the surrender request and documents within 60 days.
            deadlines.Schedule(
                Deadline.SurrenderDocuments(arrestDate, request.Id) with { State = StateCode.Parse(request.StateCode) },
                new DeadlineAudience(organ.Organ, [Addresses.ToState(request.StateCode)], request.Classification, request.Version));
        }
        else if (from == ArrestStage.AwaitingDocuments && m.Stage != ArrestStage.AwaitingDocuments)
            await deadlines.CancelAsync(DeadlineKind.SurrenderDocuments, request.Id, ct: ct);

        await db.SaveChangesAsync(ct);
    }
}
