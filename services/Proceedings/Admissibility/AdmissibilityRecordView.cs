namespace Cooperation.Proceedings.Admissibility;

/// <summary>
/// What the Court recorded on a request about admissibility and postponement: Art 94(2) preservation measures the
/// Prosecutor sought, the Art 95 order that evidence collection continue, and the ruling that ended an 89(2) or 95
/// postponement — each with its reference.
/// </summary>
public sealed record AdmissibilityRecordView(
    bool PreservationMeasuresSought,
    string? PreservationMeasures,
    bool EvidenceCollectionOrdered,
    string? EvidenceCollectionOrderReference,
    string? AdmissibilityRulingReference)
{
    public static AdmissibilityRecordView From(Cooperation.Requests.RequestSnapshot s) => new(
        s.PreservationMeasuresSought, s.PreservationMeasures, s.EvidenceCollectionOrdered, s.EvidenceCollectionOrderReference,
        s.AdmissibilityRulingReference);
}
