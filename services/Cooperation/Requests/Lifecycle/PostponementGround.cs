namespace Cooperation.Requests;

/// <summary>The only grounds on which a State may postpone the execution of a request.</summary>
public enum PostponementGround
{
    /// <summary>Art 89(2): the person sought challenges surrender before a national court on ne bis in idem, and admissibility is pending.</summary>
    NeBisInIdemChallenge,
    /// <summary>Art 94: immediate execution would interfere with a national investigation or prosecution of a different case; for a period agreed with the Court.</summary>
    NationalProceedings,
    /// <summary>Art 95: an admissibility challenge under Art 18 or 19 is before the Court.</summary>
    AdmissibilityChallenge,
}
