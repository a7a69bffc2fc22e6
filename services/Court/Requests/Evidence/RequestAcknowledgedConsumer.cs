using Cooperation.Contracts.Requests;
using Cooperation.Court.Persistence;
using Cooperation.Proceedings.Webhooks;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Messaging;

namespace Cooperation.Court.Requests.Evidence;

/// <summary>Records the Acknowledged evidence: a person or system at the State accepted the request.</summary>
public sealed class RequestAcknowledgedConsumer(CourtDbContext db, IInbox inbox, IWebhookQueue webhooks, CourtOrgan organ)
    : StateReportConsumer<RequestAcknowledged>(db, inbox)
{
    // Issue 14: the desk's systems are told in the same commit; ids only, they read the request with their token.
    protected override Task AfterRecordAsync(CooperationRequest request, RequestAcknowledged m, CancellationToken ct) =>
        webhooks.QueueAsync(WebhookEvents.RequestAcknowledged,
            new WebhookEventData(m.RequestId, m.RequestVersion, $"{organ.RoutePrefix}/requests/{m.RequestId}"), ct);

    protected override RequestCommand Command(RequestAcknowledged m) =>
        new RequestCommand.Acknowledge(m.AcknowledgedAt, m.AcknowledgedBy ?? "");

    protected override void Record(CooperationRequest request, RequestAcknowledged m)
    {
        request.AcknowledgedAt = m.AcknowledgedAt;
        request.AcknowledgedBy = m.AcknowledgedBy;
    }
}
