using Cooperation.Contracts.Requests;
using Cooperation.Court.Persistence;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Court.Requests.Evidence;

/// <summary>
/// What every State report does at the issuing organ: once per message (inbox), find the request
/// this organ issued to that State, run the same lifecycle rule the State ran, record it. A report
/// the lifecycle refuses means the two sides disagree: it goes to the error queue for an operator
/// (ids and the rule's code only), and nothing changes.
/// </summary>
public abstract class StateReportConsumer<T>(CourtDbContext db, IInbox inbox) : IConsumer<T> where T : class, IStateReport
{
    public async Task Consume(ConsumeContext<T> context)
    {
        if (await inbox.AlreadyProcessedAsync(context, GetType().Name)) return;
        var m = context.Message;
        var request = await db.Requests.Include(r => r.History)
                          .SingleOrDefaultAsync(r => r.Id == m.RequestId, context.CancellationToken)
                      ?? throw new UnknownRequestException(m.RequestId);
        if (request.StateCode != m.StateCode) throw new UnknownRequestException(m.RequestId);

        if (!IsAlreadyReflected(request, m))
        {
            // The actor is the State the transport names (its own inbound queue), which InboundSenderFilter matched to the body.
            var actor = $"state:{TransportSender.StateOf(context) ?? m.StateCode}";
            if (request.Apply(Command(m), actor, m.SentAt) is Decision.Refused refused)
                throw new StateReportRefusedException(m.RequestId, typeof(T).Name, refused.Code);
            Record(request, m);
            if (Report(m) is { } report) db.StateReports.Add(request.AddReport(report));
            await AfterRecordAsync(request, m, context.CancellationToken);
        }
        await db.SaveChangesAsync(context.CancellationToken);
    }

    /// <summary>The lifecycle command the State's report stands for.</summary>
    protected abstract RequestCommand Command(T message);

    /// <summary>Anything kept on the request besides the transition (evidence times).</summary>
    protected virtual void Record(CooperationRequest request, T message) { }

    /// <summary>The report to keep as a row of its own (progress, results, denial, postponement), if any.</summary>
    protected virtual StateReport? Report(T message) => null;

    /// <summary>Anything else the recorded report causes in the same commit (the desk's webhook event).</summary>
    protected virtual Task AfterRecordAsync(CooperationRequest request, T message, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A late report that a later one already covers (e.g. Delivered after Acknowledged) changes nothing.</summary>
    protected virtual bool IsAlreadyReflected(CooperationRequest request, T message) => false;
}

public sealed class StateReportRefusedException(Guid requestId, string report, string code)
    : Exception($"{report} for request {requestId} refused by the lifecycle ({code}); the sides disagree.");
