using Cooperation.Assembly.Persistence;
using Cooperation.Contracts.Assembly;
using Cooperation.Contracts.Limits;
using Cooperation.Contracts.NonCompliance;
using Cooperation.Organs;
using Cooperation.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Assembly.Inbound;

/// <summary>
/// Every message the Assembly consumes passes here first. The sender is the transport's: the queue it arrived on
/// (<see cref="TransportSender"/>), never a code in its body (the same rule as the Court's InboundSenderFilter).
/// <list type="bullet">
/// <item>On a State's own queue (<c>assembly.from-state-uga</c>), which only that State's user feeds: only the State's
/// views, claiming to be that State and no other, sent as a State, on a case about that State, within
/// <see cref="StateInputLimits"/>.</item>
/// <item>On the Assembly's own queue (<c>assembly</c>), which only the Court's users write: only the Registry's
/// notifications, never a State's message.</item>
/// </list>
/// A refusal can never succeed: straight to the error queue with the reason (ids and codes only).
/// </summary>
public sealed class AssemblySenderFilter<T>(AssemblyDbContext db) : IFilter<ConsumeContext<T>> where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var message = context.Message;
        if (TransportSender.StateOf(context) is { } sender)
        {
            if (message is not StateViewsSubmitted views)
                throw new ForgedSenderException($"{typeof(T).Name} is not a message a State may send to the Assembly; it arrived from State {sender}.");
            if (views.StateCode != sender)
                throw new ForgedSenderException($"{typeof(T).Name} claims State {views.StateCode} but arrived on State {sender}'s own queue.");
            if (views.SenderOrgan != Organ.State)
                throw new ForgedSenderException($"{typeof(T).Name} from State {sender} claims to be sent by the {views.SenderOrgan}.");
            var over = StateInputLimits.Check(views);
            if (over.Count > 0)
                throw new MessageOverLimitsException(
                    $"{typeof(T).Name} for case {views.CaseId} exceeds the State input limits at: {string.Join(", ", over.Select(e => e.Element))}.");
            // Only about a case concerning that State: anything else is unknown to it.
            if (!await db.Cases.AnyAsync(c => c.Id == views.CaseId && c.StateCode == sender, context.CancellationToken))
                throw new UnknownCaseException(views.CaseId);
        }
        else
        {
            if (message is not NonCooperationNotified notified)
                throw new ForgedSenderException(
                    $"{typeof(T).Name} is a State's message; the Assembly accepts it only on the State's own queue, not on {TransportSender.QueueOf(context)}.");
            // The Registry notifies the Assembly (Art 87(7); issue 9): not the Prosecutor, not a State.
            if (notified.SenderOrgan != Organ.Registry)
                throw new ForgedSenderException($"{typeof(T).Name} claims to be sent by the {notified.SenderOrgan}; only the Registry notifies the Assembly.");
        }
        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("assembly-sender");
}

/// <summary>A message whose sender, as the transport names it, is not the one it claims or may not send it.</summary>
public sealed class ForgedSenderException(string reason) : UnacceptableMessageException(reason);

/// <summary>A State's message over the caps every State message obeys.</summary>
public sealed class MessageOverLimitsException(string reason) : UnacceptableMessageException(reason);

/// <summary>A case this State has none of here (or another State's): never says which.</summary>
public sealed class UnknownCaseException(Guid caseId) : UnacceptableMessageException($"Case {caseId} concerns no case of that State here.");
