using Cooperation.Alerts;
using Cooperation.Contracts.Arrest;
using Cooperation.Court.Persistence;
using Cooperation.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Court.Alerts.Receive;

/// <summary>
/// The State notifies an arrest on the arrest request itself (Art 59(1), 89(1); ArrestPathAdvanced, which the arrest
/// path's own consumer applies); every alert entry of that State on that request shows it on the board.
/// </summary>
public sealed class AlertArrestConsumer(CourtDbContext db, IInbox inbox) : IConsumer<ArrestPathAdvanced>
{
    private static readonly string[] ArrestEvents = ["person-arrested", "person-rearrested"];

    public async Task Consume(ConsumeContext<ArrestPathAdvanced> context)
    {
        var m = context.Message;
        var steps = m.Events.Count > 0 ? m.Events : [m.Event];
        if (m.ArrestDate is not { } arrestDate || !steps.Any(ArrestEvents.Contains)) return;
        var sender = TransportSender.StateOf(context);
        if (sender is null) return;
        if (await inbox.AlreadyProcessedAsync(context, nameof(AlertArrestConsumer))) return;
        var entries = await db.TravelAlertEntries.Where(e => e.RequestId == m.RequestId && e.StateCode == sender).ToListAsync(context.CancellationToken);
        // Already recorded (a re-arrest after release): the board keeps the first arrest's date.
        foreach (var entry in entries) entry.Apply(new AlertCommand.RecordArrest(arrestDate));
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
