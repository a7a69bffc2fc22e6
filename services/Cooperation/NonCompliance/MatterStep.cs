namespace Cooperation.NonCompliance;

/// <summary>
/// The steps of a non-compliance matter (Art 87(7)), one matter per State and request, each recorded at the
/// Registry on a Chamber's decision (with its reference and date). Finding and referral are separate decisions;
/// referral to the ASP and to the Security Council may both follow one finding (Malawi and Chad, 2011).
/// The transitions are decided in <c>NonComplianceMatter</c>; this enum only names the steps.
/// </summary>
public enum MatterStep
{
    /// <summary>The Registry records a suspected failure to comply with a request.</summary>
    Suspected,
    /// <summary>The Chamber invites the State's observations by a date (Regulation 109 of the Regulations of the Court).</summary>
    ObservationsInvited,
    /// <summary>The State submitted its observations through its node.</summary>
    ObservationsSubmitted,
    /// <summary>Failure contrary to the Statute that prevents the Court from exercising its functions (Art 87(7)).</summary>
    Finding,
    /// <summary>The Chamber refers the matter to the Assembly of States Parties (Art 87(7)).</summary>
    ReferredToAssembly,
    /// <summary>To the Security Council: only where the Council referred the situation (Art 13(b), 87(7)).</summary>
    ReferredToSecurityCouncil,
    /// <summary>Referral deferred (Italy, 17 Oct 2025: pending domestic proceedings).</summary>
    ReferralDeferred,
    /// <summary>Finding without referral (South Africa, 6 Jul 2017: referral "unwarranted").</summary>
    NotReferred,
    /// <summary>No finding: the Chamber closes the matter.</summary>
    Closed,
}
