namespace Cooperation.Requests;

/// <summary>
/// The only grounds on which a State may deny (refuse) a request. A request for arrest and surrender or
/// provisional arrest cannot be denied (Art 86, 89(1)); transit only under 89(3)(a); other obstacles go to an
/// Art 97 consultation instead.
/// </summary>
public enum DenialGround
{
    /// <summary>Art 93(4), 72: production of documents or disclosure of evidence would prejudice national security.</summary>
    NationalSecurity,
    /// <summary>Art 93(5): 93(1)(l) assistance prohibited by national law, after considering whether it could be given on conditions.</summary>
    ProhibitedByNationalLaw,
    /// <summary>Art 89(3)(a): transit through the State would impede or delay the surrender. Transit requests only.</summary>
    TransitWouldImpedeSurrender,
}
