using Cooperation.Contracts;
using Cooperation.Contracts.Register;
using Cooperation.Court.Persistence;
using Cooperation.Deadlines;
using Cooperation.Organs;
using Cooperation.Register;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.Proceedings.Deadlines;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Court.Register.Notify;

/// <summary>
/// The Registry receives a State's change of channel or language: it takes effect on the agreed
/// date, else 45 days after receipt (RPE 180), and is passed on to the Prosecutor.
/// </summary>
public sealed class NotifyChannelChangeConsumer(CourtDbContext db, IInbox inbox, IOutbox outbox, IDeadlineScheduler deadlines, TimeProvider clock)
    : IConsumer<NotifyChannelChange>
{
    public async Task Consume(ConsumeContext<NotifyChannelChange> context)
    {
        if (await inbox.AlreadyProcessedAsync(context, nameof(NotifyChannelChangeConsumer))) return;
        var m = context.Message;
        if (!await db.StateParties.AnyAsync(s => s.Code == m.StateCode, context.CancellationToken))
            throw new UnacceptableMessageException($"Channel change from {m.StateCode}, which is not in the register.");

        var receivedAt = clock.GetUtcNow(); // RPE 180 counts from the Registry's receipt, not the State's sending
        // RPE 180 "as agreed": the State's date is a proposal the Registry accepts (AcceptProposedDate); until
        // then the 45-day default governs. A date already past cannot be agreed and is dropped.
        var designation = ChannelDesignation.Change(m.Channel, m.Languages, receivedAt, agreedDate: null,
            new NationalRequirements(m.SurrenderDocumentRequirements ?? [], m.AssistanceInformationRequirements ?? []));
        var record = ChannelDesignationRecord.From(m.StateCode, designation);
        if (m.AgreedEffectiveDate is { } proposed && ChannelRegister.CanBeAgreed(proposed, receivedAt)) record.ProposedEffectiveDate = proposed;
        db.ChannelDesignations.Add(record);
        outbox.Send(new Uri($"exchange:{Addresses.ProsecutorQueue}"), RegisterMessages.Changed(m.StateCode, record.Id, designation, receivedAt));
        // The State learns what the Registry recorded: the receipt the 45 days count from, and its proposal pending acceptance.
        outbox.Send(Addresses.ToState(m.StateCode), RegisterMessages.Changed(m.StateCode, record.Id, designation, receivedAt, record.ProposedEffectiveDate));
        // RPE 180: the day it takes effect is a deadline like the others: reminders before, a notice when it falls,
        // to the State, the Prosecutor and the Registry itself.
        deadlines.Schedule(Deadline.ChannelChange(StateCode.Parse(m.StateCode), receivedAt), ChannelChangeAudience(m.StateCode));
        await db.SaveChangesAsync(context.CancellationToken);
    }

    internal static DeadlineAudience ChannelChangeAudience(string stateCode) =>
        new(Organ.Registry, [Addresses.ToState(stateCode), new Uri($"exchange:{Addresses.ProsecutorQueue}")]);
}
