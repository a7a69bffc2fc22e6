using Cooperation.Contracts.Register;
using Cooperation.Court.Persistence;
using Cooperation.Register;
using Cooperation.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Court.Register.Propagate;

/// <summary>The Prosecutor's copy of the Registry's register, kept through messages only.</summary>
public sealed class StateRegisterEntryChangedConsumer(CourtDbContext db, IInbox inbox) : IConsumer<StateRegisterEntryChanged>
{
    public async Task Consume(ConsumeContext<StateRegisterEntryChanged> context)
    {
        if (await inbox.AlreadyProcessedAsync(context, nameof(StateRegisterEntryChangedConsumer))) return;
        var m = context.Message;
        if (!await db.StateParties.AnyAsync(s => s.Code == m.StateCode, context.CancellationToken))
            db.StateParties.Add(new StateParty { Code = m.StateCode, RegisteredAt = m.ReceivedAt });
        var designation = new ChannelDesignation(m.Channel, m.Languages, m.ReceivedAt, m.EffectiveFrom,
            new NationalRequirements(m.SurrenderDocumentRequirements ?? [], m.AssistanceInformationRequirements ?? []));
        // The same designation again (the Registry accepted the State's date): its effective date moves.
        if (m.DesignationId is { } id && await db.ChannelDesignations.FindAsync([id], context.CancellationToken) is { } known)
            known.EffectiveFrom = m.EffectiveFrom;
        else
        {
            var record = ChannelDesignationRecord.From(m.StateCode, designation);
            if (m.DesignationId is { } newId) record.Id = newId;
            db.ChannelDesignations.Add(record);
        }
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
