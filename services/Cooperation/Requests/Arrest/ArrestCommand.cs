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

    /// <summary>Art 92(3): the State released the person pending the documents.</summary>
    public sealed record Release(DateOnly ReleasedOn) : ArrestCommand;

    /// <summary>
    /// Date and manner agreed with the Registry (RPE 184); needs the documents, unless the person consented to
    /// surrender before they came (Art 92(3)). Repeating it reschedules.
    /// </summary>
    public sealed record ArrangeSurrender(DateOnly SurrenderDate, bool ConsentToSurrender = false) : ArrestCommand;

    /// <summary>The person was delivered to the Court.</summary>
    public sealed record RecordSurrender(DateOnly SurrenderedOn) : ArrestCommand;
}
