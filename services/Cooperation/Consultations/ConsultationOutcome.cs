namespace Cooperation.Consultations;

/// <summary>How an Art 97 consultation ends.</summary>
public enum ConsultationOutcome
{
    /// <summary>The obstacle is resolved; execution continues where it was.</summary>
    Resumed,
    /// <summary>The Court re-sends a modified request as a new version.</summary>
    Modified,
    /// <summary>Art 93(9)(b): the material is controlled by a third State or organisation; the Court directs its request there.</summary>
    Redirected,
    /// <summary>Execution is postponed on 89(2), 93(9)(a), 94 or 95; on 94 the issuing organ closing with it agrees the period.</summary>
    Postponed,
    /// <summary>The Court withdraws the request.</summary>
    Withdrawn,
}
