using Cooperation.Proceedings.Consultations;
using Cooperation.State.Requests;

namespace Cooperation.State.Consultations;

internal static class StateConsultations
{
    public static RequestFacts Facts(this ReceivedRequest r, string stateCode) =>
        new(r.Id, r.Kind, r.Status, r.Version, r.Classification, r.IssuingOrgan, stateCode, r.DeliveredAt, r.Lifecycle);
}
