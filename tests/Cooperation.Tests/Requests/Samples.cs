using Cooperation.Requests;

namespace Cooperation.Tests.Requests;

/// <summary>Complete contents per kind, and a fixed clock reading for commands that carry a time.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset At = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    public static readonly string[] Accepted = ["fr", "en"];
    public const string SecretName = "Zebulon Quarrington";

    private static readonly DocumentReference Warrant = new()
    {
        Reference = "ICC-01/99-01/26-12-US",
        Title = "Warrant of arrest",
        Sha256 = new string('a', 64),
    };

    public static RequestContents Complete(RequestKind kind) => kind switch
    {
        RequestKind.ArrestAndSurrender => new()
        {
            Person = new() { Name = SecretName, Description = "tall, scar on left hand" },
            ProbableLocation = "Capital district",
            Warrant = Warrant,
            SupportingDocuments = [new() { Reference = "ICC-01/99-01/26-13", Title = "Summary of facts" }],
        },
        RequestKind.ProvisionalArrest => new()
        {
            Person = new() { Name = SecretName, Description = "medium height, grey hair" },
            ProbableLocation = "Airport hotel",
            Facts = "Alleged crimes against humanity, murder (Art 7(1)(a))",
            WarrantExistsStatement = true,
            SurrenderRequestWillFollow = true,
        },
        RequestKind.Transit => new()
        {
            Person = new() { Description = "adult male, 1.80 m" },
            Facts = "War crimes (Art 8(2)(e)(i))",
            Warrant = Warrant,
        },
        RequestKind.OtherAssistance => new()
        {
            Measure = AssistanceMeasure.TakeEvidence,
            Purpose = "Hear a witness",
            LegalBasis = "Art 93(1)(b), Art 54(3)",
            PersonsAndPlaces = ["Witness P-0001, northern province"],
            Facts = "Events of March 2024",
            ProcedureToFollow = "Audio-video recording; counsel present",
            ProcedureReasons = "The testimony may be used at trial (Art 69(2))",
            ReplyBy = new DateOnly(2026, 6, 30),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static CompletenessInput Input(RequestKind kind) => new(Complete(kind), "fr", Accepted);

    public static readonly RequestKind[] Kinds = Enum.GetValues<RequestKind>();
    public static readonly RequestStatus[] Statuses = Enum.GetValues<RequestStatus>();

    /// <summary>A request of a kind in a status, with the side-state bookkeeping that status implies.</summary>
    public static RequestSnapshot In(RequestKind kind, RequestStatus status)
    {
        var snapshot = RequestSnapshot.New(kind,
            measure: kind == RequestKind.OtherAssistance ? AssistanceMeasure.TakeEvidence : null) with { Status = status };
        if (status.IsPending() || status.IsTerminal())
            snapshot = snapshot with { TransmittedAt = At.AddDays(-10) };
        return status switch
        {
            RequestStatus.InConsultation => snapshot with { StatusBeforeConsultation = RequestStatus.InExecution },
            RequestStatus.Postponed => snapshot with
            {
                StatusBeforePostponement = RequestStatus.InExecution,
                PostponementGround = PostponementGround.AdmissibilityChallenge,
            },
            _ => snapshot,
        };
    }
}
