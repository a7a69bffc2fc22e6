using Cooperation.Contracts.Requests;
using Cooperation.Court.Persistence;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Messaging;

namespace Cooperation.Court.Requests.Evidence;

/// <summary>Records the Acknowledged evidence: a person or system at the State accepted the request.</summary>
public sealed class RequestAcknowledgedConsumer(CourtDbContext db, IInbox inbox) : StateReportConsumer<RequestAcknowledged>(db, inbox)
{
    protected override RequestCommand Command(RequestAcknowledged m) =>
        new RequestCommand.Acknowledge(m.AcknowledgedAt, m.AcknowledgedBy ?? "");

    protected override void Record(CooperationRequest request, RequestAcknowledged m)
    {
        request.AcknowledgedAt = m.AcknowledgedAt;
        request.AcknowledgedBy = m.AcknowledgedBy;
    }
}
