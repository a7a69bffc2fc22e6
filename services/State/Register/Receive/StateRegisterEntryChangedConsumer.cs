using Cooperation.Contracts.Register;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.State.Configuration;
using Cooperation.State.Persistence;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Cooperation.State.Register.Receive;

/// <summary>
/// The Registry tells this State what it recorded of the State's change of channel or language, and when it
/// agrees the proposed date (RPE 180). Idempotent by designation: a redelivered or older message changes nothing.
/// </summary>
public sealed class StateRegisterEntryChangedConsumer(StateDbContext db, IOptions<StateOptions> state) : IConsumer<StateRegisterEntryChanged>
{
    public async Task Consume(ConsumeContext<StateRegisterEntryChanged> context)
    {
        var m = context.Message;
        if (!string.Equals(m.StateCode, state.Value.NormalizedCode, StringComparison.Ordinal))
            throw new UnacceptableMessageException($"A register entry of State {m.StateCode} arrived at State {state.Value.NormalizedCode}'s node.");
        if (m.DesignationId is not { } id)
            throw new UnacceptableMessageException("A register entry without the Registry's designation id.");

        var row = await db.RegisterEntries.FindAsync([id], context.CancellationToken);
        if (row is null) db.RegisterEntries.Add(row = new RegisterEntryRecord { DesignationId = id });
        else if (row.SentAt >= m.SentAt || (row.DateAgreedAt is not null && m.DateAgreedAt is null)) return;

        row.Channel = m.Channel;
        row.Languages = string.Join(',', m.Languages);
        row.ReceivedAt = m.ReceivedAt;
        row.EffectiveFrom = m.EffectiveFrom;
        row.ProposedEffectiveDate = m.ProposedEffectiveDate;
        row.DateAgreedAt = m.DateAgreedAt;
        row.SentAt = m.SentAt;
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
