namespace Cooperation.Requests.Arrest;

/// <summary>The closed set of events on the arrest path.</summary>
public abstract record ArrestCommand
{
    private ArrestCommand() { }

    /// <summary>The State reports the arrest and its date; also a re-arrest after release (Art 92(4)).</summary>
    public sealed record RecordArrest(DateOnly ArrestDate) : ArrestCommand;

    /// <summary>After a provisional arrest: start waiting for the surrender request and documents (RPE 188, 60 days).</summary>
    public sealed record AwaitDocuments : ArrestCommand;

    /// <summary>The surrender request and supporting documents reached the State (Art 91, 92(3)).</summary>
    public sealed record RecordDocumentsReceived(DateTimeOffset At) : ArrestCommand;

    /// <summary>
    /// Art 92(3): the person is released because the 60 days (RPE 188) ran out without the surrender request and
    /// documents. Lawful only from the day after the 60th; an earlier release is <see cref="GrantInterimRelease"/>.
    /// </summary>
    public sealed record Release(DateOnly ReleasedOn) : ArrestCommand;

    /// <summary>Art 59(2): the arrested person was brought promptly before the competent judicial authority.</summary>
    public sealed record BringBeforeJudicialAuthority(DateOnly On) : ArrestCommand;

    /// <summary>
    /// Art 59(3)-(6): the competent authority granted interim release pending surrender. The surrender
    /// proceedings, and any RPE 188 period, go on.
    /// </summary>
    public sealed record GrantInterimRelease(DateOnly On) : ArrestCommand;

    /// <summary>
    /// Art 59(7): the custodial State ordered surrender; the person is to be delivered to the Court as soon as
    /// possible. Needs the surrender request and documents, unless the person consented (Art 92(3)).
    /// </summary>
    public sealed record OrderSurrender(DateOnly On, bool ConsentToSurrender = false) : ArrestCommand;

    /// <summary>
    /// Art 89(4): the person is proceeded against or serving a sentence in the requested State for a different crime.
    /// After deciding to grant the request (the surrender order, Art 59(7)) and consulting the Court
    /// (<paramref name="CourtConsulted"/>: an Art 97 consultation on the 89(4) ground), the State defers surrender
    /// until the national proceedings end or the sentence is served; <paramref name="ExpectedUntil"/>, if known.
    /// </summary>
    public sealed record DeferSurrender(DateOnly On, bool CourtConsulted, DateOnly? ExpectedUntil = null) : ArrestCommand;

    /// <summary>
    /// RPE 183: following the Art 89(4) consultation, the State surrenders the person temporarily, on
    /// <paramref name="Conditions"/> determined between the requested State and the Court.
    /// </summary>
    public sealed record SurrenderTemporarily(DateOnly On, bool CourtConsulted, string? Conditions) : ArrestCommand;

    /// <summary>
    /// RPE 183: the temporarily surrendered person was transferred back to the requested State (once the presence
    /// before the Court was no longer required, at the latest when the proceedings were completed).
    /// </summary>
    public sealed record RecordReturn(DateOnly On) : ArrestCommand;

    /// <summary>
    /// Date and manner agreed with the Registry (RPE 184); needs the documents, unless the person consented to
    /// surrender before they came (Art 92(3)). Repeating it reschedules.
    /// </summary>
    public sealed record ArrangeSurrender(DateOnly SurrenderDate, bool ConsentToSurrender = false) : ArrestCommand;

    /// <summary>The person was delivered to the Court.</summary>
    public sealed record RecordSurrender(DateOnly SurrenderedOn) : ArrestCommand;
}
