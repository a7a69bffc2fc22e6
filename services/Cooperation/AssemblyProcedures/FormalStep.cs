namespace Cooperation.AssemblyProcedures;

/// <summary>
/// The formal response of the Assembly of States Parties to non-cooperation (Art 112(2)(f); ICC-ASP/10/Res.5 annex,
/// as amended by ICC-ASP/11/Res.8 annex I and ICC-ASP/17/Res.5 annex II), in the order of the annex's para 14 as
/// domain.md gives it. Issue 9 lists the Bureau's report before the plenary debate; domain.md's reading of para 14(e)
/// puts the public plenary first, and that order is the one enforced here (the exact order is not confirmed).
/// </summary>
public enum FormalStep
{
    /// <summary>An emergency meeting of the Bureau on the referral.</summary>
    EmergencyBureauMeeting,
    /// <summary>The President's open letter, on the Bureau's behalf, asking the State for its views within about two weeks.</summary>
    PresidentsLetter,
    /// <summary>A meeting of the Bureau with the State concerned.</summary>
    BureauMeetingWithState,
    /// <summary>Consideration in a public plenary session of the Assembly, the State invited to speak.</summary>
    PlenaryConsideration,
    /// <summary>The Bureau's report to the Assembly with its recommendations (para 14(e)).</summary>
    BureauReport,
}

/// <summary>
/// The informal response (annex, "informal" procedure): the President's good offices and the regional focal points
/// on non-cooperation (para 16). It may start when a serious incident of non-cooperation is imminent or ongoing,
/// before any finding.
/// </summary>
public enum InformalActionKind
{
    /// <summary>A démarche to the State's authorities (e.g. through its embassy or mission).</summary>
    Demarche,
    /// <summary>A contact (call, letter, note) with the State or another interlocutor.</summary>
    Contact,
    /// <summary>A meeting with the State or another interlocutor.</summary>
    Meeting,
    /// <summary>The President's good offices otherwise.</summary>
    GoodOffices,
}

/// <summary>
/// The regions for which focal points are named: four, or five if the President asks, with the President ex officio
/// focal point for his or her own region (annex para 16). The UN regional groups are assumed (not confirmed).
/// </summary>
public enum Region
{
    AfricanStates,
    AsiaPacificStates,
    EasternEuropeanStates,
    LatinAmericanAndCaribbeanStates,
    WesternEuropeanAndOtherStates,
}

/// <summary>A document's metadata: its reference (e.g. "ICC-ASP/24/…"), title and date. Never its text.</summary>
public sealed record DocumentMetadata(string Reference, string Title, DateOnly Date);
