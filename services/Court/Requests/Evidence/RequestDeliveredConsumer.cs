using Cooperation.Contracts.Requests;
using Cooperation.Court.Persistence;
using Cooperation.Proceedings.Webhooks;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Messaging;

namespace Cooperation.Court.Requests.Evidence;

/// <summary>Records the Delivered evidence: the State's node has persisted the request.</summary>
public sealed class RequestDeliveredConsumer(CourtDbContext db, IInbox inbox, IWebhookQueue webhooks, CourtOrgan organ)
    : StateReportConsumer<RequestDelivered>(db, inbox)
{
    // Issue 14: the desk's systems are told in the same commit; ids only, they read the request with their token.
    protected override Task AfterRecordAsync(CooperationRequest request, RequestDelivered m, CancellationToken ct) =>
        webhooks.QueueAsync(WebhookEvents.RequestDelivered,
            new WebhookEventData(m.RequestId, m.RequestVersion, $"{organ.RoutePrefix}/requests/{m.RequestId}"), ct);

    protected override RequestCommand Command(RequestDelivered m) => new RequestCommand.RecordDelivered(m.DeliveredAt);

    protected override void Record(CooperationRequest request, RequestDelivered m) => request.DeliveredAt = m.DeliveredAt;

    protected override bool IsAlreadyReflected(CooperationRequest request, RequestDelivered m)
    {
        if (request.Status is RequestStatus.Transmitted) return false;
        request.DeliveredAt ??= m.DeliveredAt; // the evidence time still counts
        return true;
    }
}
