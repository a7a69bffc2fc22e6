using Cooperation.Court.Requests;
using Cooperation.Proceedings.Consultations;

namespace Cooperation.Court.Consultations;

internal static class CourtConsultations
{
    public static RequestFacts Facts(this CooperationRequest r) =>
        new(r.Id, r.Kind, r.Status, r.Version, r.Classification, r.IssuingOrgan, r.StateCode, r.DeliveredAt, r.Lifecycle);

    public static string Actor(this CourtOrgan organ) => organ.Organ.ToString().ToLowerInvariant();
}
