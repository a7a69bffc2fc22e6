namespace Cooperation.Requests.Arrest;

/// <summary>Where the person sought stands, alongside the request's <see cref="RequestStatus"/>.</summary>
public enum ArrestStage
{
    /// <summary>Art 92: a provisional arrest is requested; the surrender request and documents follow.</summary>
    ProvisionalArrestRequested,
    /// <summary>Art 89(1), 91: arrest and surrender requested with the warrant and supporting documents.</summary>
    SurrenderRequested,
    /// <summary>The State notified the arrest and its date (Art 59(1)).</summary>
    Arrested,
    /// <summary>Provisionally arrested; the surrender request and documents are due 60 days after the arrest (RPE 188).</summary>
    AwaitingDocuments,
    /// <summary>Art 92(3): released because the documents did not come in time; the request stays open (Art 92(4)).</summary>
    ReleasedPendingDocuments,
    /// <summary>
    /// Art 89(4): the person is proceeded against or serving a sentence in the requested State for a different crime;
    /// after consulting the Court, the State defers surrender until those proceedings or the sentence end. Also where
    /// the person is back after a temporary surrender (RPE 183).
    /// </summary>
    SurrenderDeferred,
    /// <summary>
    /// RPE 183: after the Art 89(4) consultation, the person was surrendered temporarily, on conditions determined
    /// between the requested State and the Court; kept in custody at the Court and returned when no longer required.
    /// </summary>
    TemporarilySurrendered,
    /// <summary>Date and manner of surrender agreed with the Registry (RPE 184).</summary>
    SurrenderArranged,
    /// <summary>Delivered to the Court. Terminal.</summary>
    Surrendered,
}
