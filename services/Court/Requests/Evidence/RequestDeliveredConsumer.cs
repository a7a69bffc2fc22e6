using Cooperation.Contracts.Requests;
using Cooperation.Court.Persistence;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Messaging;

namespace Cooperation.Court.Requests.Evidence;

/// <summary>Records the Delivered evidence: the State's node has persisted the request.</summary>
public sealed class RequestDeliveredConsumer(CourtDbContext db, IInbox inbox) : StateReportConsumer<RequestDelivered>(db, inbox)
{
    protected override RequestCommand Command(RequestDelivered m) => new RequestCommand.RecordDelivered(m.DeliveredAt);

    protected override void Record(CooperationRequest request, RequestDelivered m) => request.DeliveredAt = m.DeliveredAt;

    protected override bool IsAlreadyReflected(CooperationRequest request, RequestDelivered m)
    {
        if (request.Status is RequestStatus.Transmitted) return false;
        request.DeliveredAt ??= m.DeliveredAt; // the evidence time still counts
        return true;
    }
}
