namespace Cooperation.Consultations;

public abstract record ConsultationDecision
{
    private ConsultationDecision() { }

    public sealed record Accepted(ConsultationSnapshot Snapshot, string Event) : ConsultationDecision;

    public sealed record Refused(string Code, string Message) : ConsultationDecision;

    public bool IsAccepted => this is Accepted;
}

public static class ConsultationErrors
{
    public const string ConsultationClosed = "consultation-closed";
    public const string NotAParty = "not-a-party";
    public const string OutcomeNotForParty = "outcome-not-for-party";
    public const string OutcomeNotApplicable = "outcome-not-applicable";
}
