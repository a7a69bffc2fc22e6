namespace Cooperation.Organs;

/// <summary>Who sends or receives a cooperation message.</summary>
public enum Organ
{
    /// <summary>Transmits the Chambers' requests and receives their replies (RPE 176(2)).</summary>
    Registry,
    /// <summary>Transmits the Prosecutor's own requests for assistance (Art 54(3), 93; RPE 176(2)).</summary>
    Prosecutor,
    /// <summary>A State Party's central authority or designated channel (Art 87(1)).</summary>
    State,
    /// <summary>
    /// The Assembly of States Parties, run by its Secretariat for the President and the Bureau: it considers
    /// non-cooperation (Art 112(2)(f)) under its procedures (ICC-ASP/10/Res.5 annex, as amended). Not a Court organ.
    /// </summary>
    Assembly,
}
