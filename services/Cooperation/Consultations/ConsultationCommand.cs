using Cooperation.Organs;

namespace Cooperation.Consultations;

/// <summary>The closed set of events on a consultation thread.</summary>
public abstract record ConsultationCommand
{
    private ConsultationCommand() { }

    /// <summary>A message (with any attachments or proposal) from one party to the other; only while open.</summary>
    public sealed record PostMessage(Organ From, DateTimeOffset At) : ConsultationCommand;

    /// <summary>Ends the consultation. Modified, Redirected and Withdrawn are the issuing organ's to decide.</summary>
    public sealed record Close(ConsultationOutcome Outcome, Organ By, DateTimeOffset At) : ConsultationCommand;
}
