using Cooperation.Deadlines;
using Cooperation.Contracts.Transit;
using Cooperation.Contracts.Alerts;
using Cooperation.Court.Alerts.Receive;
using Cooperation.Contracts;
using Cooperation.Contracts.Arrest;
using Cooperation.Contracts.Consultations;
using Cooperation.Contracts.NonCompliance;
using Cooperation.Contracts.Deadlines;
using Cooperation.Contracts.Register;
using Cooperation.Contracts.Requests;
using Cooperation.Court.Persistence;
using Cooperation.Court.Requests.Evidence;
using Cooperation.Organs;
using Cooperation.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Court.Inbound;

/// <summary>
/// Every message an issuing organ consumes passes here first. The sender is the transport's: the
/// queue it arrived on (<see cref="TransportSender"/>), never a State code in its body.
/// <list type="bullet">
/// <item>On a State's own queue (<c>registry.from-state-uga</c>): only what a State may send to this
/// organ, claiming to be that State and no other, as a State, about a request this organ issued to
/// that State.</item>
/// <item>On the organ's own queue (<c>registry</c>, <c>prosecutor</c>), which only the Court's broker
/// users can write: the Court's messages (register propagation, deadline notices), never a State's
/// report, which would otherwise bypass the checks above.</item>
/// </list>
/// A refusal can never succeed: straight to the error queue with the reason (ids and codes only).
/// </summary>
public sealed class InboundSenderFilter<T>(CourtDbContext db, CourtOrgan organ) : IFilter<ConsumeContext<T>> where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var message = context.Message;
        if (TransportSender.StateOf(context) is { } sender) await CheckFromStateAsync(message, sender, context.CancellationToken);
        else if (StateMessages.ClaimedState(message, organ.Organ) is not null && message is not (DeadlineApproaching or DeadlineMissed))
            throw new ForgedSenderException(
                $"{typeof(T).Name} is a State's message; this organ accepts it only on the State's own queue, not on {TransportSender.QueueOf(context)}.");
        await next.Send(context);
    }

    private async Task CheckFromStateAsync(T message, string sender, CancellationToken ct)
    {
        var claimed = StateMessages.ClaimedState(message, organ.Organ)
                      ?? throw new ForgedSenderException(
                          $"{typeof(T).Name} is not a message a State may send to the {organ.Organ}; it arrived from State {sender}.");
        if (claimed != sender)
            throw new ForgedSenderException($"{typeof(T).Name} claims State {claimed} but arrived on State {sender}'s own queue.");
        if (message is ICooperationMessage cooperation && !StateMessages.ConcernsNoRequest(message))
        {
            if (cooperation.SenderOrgan != Organ.State)
                throw new ForgedSenderException($"{typeof(T).Name} from State {sender} claims to be sent by the {cooperation.SenderOrgan}.");
            // Only about a request this organ issued to that State: anything else is unknown to it.
            if (!await db.Requests.AnyAsync(r => r.Id == cooperation.RequestId && r.IssuingOrgan == organ.Organ && r.StateCode == sender, ct))
                throw new UnknownRequestException(cooperation.RequestId);
            // A travel alert report: only about that State's own entry of an alert the Registry sent it.
            if (message is ITravelAlertReport alert
                && !await db.TravelAlertEntries.AnyAsync(e => e.AlertId == alert.AlertId && e.StateCode == sender && e.RequestId == alert.RequestId, ct))
                throw new UnknownAlertException(alert.AlertId);
        }
        // Observations only on a matter concerning that State and that request (Regulation 109).
        if (message is MatterObservationsSubmitted observations
            && !await db.Matters.AnyAsync(m => m.Id == observations.MatterId && m.StateCode == sender && m.RequestId == observations.RequestId, ct))
            throw new ForgedSenderException($"{typeof(T).Name} from State {sender} is about matter {observations.MatterId}, which does not concern it.");
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("inbound-sender");
}

/// <summary>A message whose sender, as the transport names it, is not the one it claims or may not send it.</summary>
public sealed class ForgedSenderException(string reason) : UnacceptableMessageException(reason);

/// <summary>What a State may send to an issuing organ, and the State each such message claims to come from.</summary>
internal static class StateMessages
{
    /// <summary>The claimed State, or null if this is not a message a State sends to <paramref name="organ"/>.</summary>
    public static string? ClaimedState(object message, Organ organ) => message switch
    {
        // Travel alerts are the Registry's (issue 9 §1): a report on one is no message for the Prosecutor.
        ITravelAlertReport when organ != Organ.Registry => null,
        IStateReport report => report.StateCode,
        ConsultationOpened opened => opened.StateCode,
        ConsultationMessagePosted posted => posted.StateCode,
        ArrestPathAdvanced step => step.StateCode,
        DeadlineApproaching approaching => approaching.StateCode,
        DeadlineMissed missed => missed.StateCode,
        // RPE 180: a State notifies the Registry of its channel and languages (the Prosecutor learns them from the Registry).
        NotifyChannelChange change when organ == Organ.Registry => change.StateCode,
        // Art 89(3)(e), RPE 182: a landing is reported to the Registry before any transit request exists.
        UnscheduledLandingReported landing when organ == Organ.Registry => landing.StateCode,
        UnscheduledLandingAdvanced step when organ == Organ.Registry => step.StateCode,
        // Regulation 109: a State's observations on a non-compliance matter about it (the Registry keeps matters).
        MatterObservationsSubmitted observations when organ == Organ.Registry => observations.StateCode,
        // Issue 12: a State's node anchors its audit head at the Registry (a Court service's anchor names no State).
        Contracts.Audit.AuditHeadAnchored { StateCode: { } anchoring } when organ == Organ.Registry => anchoring,
        _ => null,
    };

    /// <summary>
    /// Messages about something other than a request: an unscheduled landing (Art 89(3)(e)) and its 96-hour
    /// deadline, which the State keys on the landing, since no transit request exists yet. No request id to check.
    /// </summary>
    public static bool ConcernsNoRequest(object message) => message is UnscheduledLandingReported or UnscheduledLandingAdvanced
        or DeadlineApproaching { Kind: DeadlineKind.TransitDetention } or DeadlineMissed { Kind: DeadlineKind.TransitDetention };
}
