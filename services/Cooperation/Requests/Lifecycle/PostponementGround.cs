namespace Cooperation.Requests;

/// <summary>The only grounds on which a State may postpone the execution of a request.</summary>
public enum PostponementGround
{
    /// <summary>
    /// Art 89(2): the person sought challenges surrender before a national court on ne bis in idem and an
    /// admissibility ruling is pending; only after consulting the Court, and until the Court rules.
    /// </summary>
    NeBisInIdemChallenge,
    /// <summary>
    /// Art 94: immediate execution would interfere with a national investigation or prosecution of a different
    /// case; for a period agreed with the Court (the State proposes, the issuing organ accepts or proposes another).
    /// </summary>
    NationalProceedings,
    /// <summary>
    /// Art 95: an admissibility challenge under Art 18 or 19 is before the Court; not where the Court ordered
    /// that the Prosecutor may pursue the collection of such evidence.
    /// </summary>
    AdmissibilityChallenge,
    /// <summary>Art 93(9)(a): competing requests from the Court and another State, met by postponing one of them.</summary>
    CompetingRequests,
}
