namespace Cooperation.Requests;

/// <summary>
/// The only grounds on which a State may deny (refuse) a request. A request for arrest and surrender or
/// provisional arrest cannot be denied (Art 86, 89(1)); transit only under 89(3)(a); other obstacles go to an
/// Art 97 consultation instead.
/// </summary>
public enum DenialGround
{
    /// <summary>
    /// Art 93(4), 72: the request concerns the production of documents or disclosure of evidence relating to the
    /// State's national security; only after the Art 72(5) steps to resolve it by cooperative means; in whole or in part.
    /// </summary>
    NationalSecurity,
    /// <summary>Art 93(5): 93(1)(l) assistance prohibited by national law, after considering whether it could be given on conditions.</summary>
    ProhibitedByNationalLaw,
    /// <summary>Art 89(3)(a): transit through the State would impede or delay the surrender. Transit requests only.</summary>
    TransitWouldImpedeSurrender,
    /// <summary>Art 93(7)(a): a temporary transfer (93(1)(f)) needs the person's informed consent and the State's agreement.</summary>
    NoConsentToTemporaryTransfer,
    /// <summary>Art 93(1)(e): the appearance of a witness or expert is voluntary; the person declined.</summary>
    AppearanceNotVoluntary,
    /// <summary>
    /// Art 73: a document or information disclosed to the State in confidence by a State or organisation that is not a
    /// State Party, whose originator, asked for consent, refused it.
    /// </summary>
    ThirdPartyOriginatorRefused,
}
