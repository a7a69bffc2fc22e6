using Cooperation.Requests;

namespace Cooperation.Consultations;

/// <summary>
/// What an open Art 97 consultation does to the State's duty to execute: nothing. Art 97 obliges the State
/// to consult; it has no suspensive clause, for any kind of request. Only an accepted postponement
/// (Art 89(2), 93(9)(a), 94, 95) suspends execution, and a State may not suspend cooperation unilaterally
/// (Pre-Trial Chamber I, Hungary, 2025). Execution and progress reports stay possible while it is open.
/// </summary>
public static class DutyToExecute
{
    /// <summary>Art 97: a consultation never suspends the duty to execute.</summary>
    public const bool SuspendedByConsultation = false;

    /// <summary>Whether execution is suspended now: only by an accepted postponement (Art 89(2), 93(9)(a), 94, 95).</summary>
    public static bool Suspended(RequestSnapshot request) => request.Status == RequestStatus.Postponed;

    /// <summary>
    /// The statement every consultation view shows, for the kind of request and the grounds raised.
    /// Content-free: names kinds, grounds and articles only.
    /// </summary>
    public static string WhileConsulting(RequestKind kind, IReadOnlyCollection<ConsultationGround> grounds)
    {
        ArgumentNullException.ThrowIfNull(grounds);
        var statement =
            $"The duty to execute is NOT suspended: this {kind} request must go on being executed, and progress reported, " +
            "while the consultation is open. Art 97 provides for consultation, not suspension; only an accepted postponement " +
            "(Art 89(2), 93(9)(a), 94 or 95) suspends execution, and a State may not suspend cooperation unilaterally " +
            "(Pre-Trial Chamber I, Hungary, 2025).";
        // Art 93(3): the barred measure waits for the Court's modified request; the rest goes on.
        if (grounds.Contains(ConsultationGround.FundamentalPrinciple))
            statement += " Art 93(3): the measure a fundamental legal principle bars waits for the Court's modified request " +
                         "(or its other solution); everything else in the request is executed meanwhile.";
        // Mongolia 2024 (PTC II, 24 October 2024): Art 27, 98 — no immunity to oppose, no waiver to await.
        if (grounds.Contains(ConsultationGround.Immunity))
            statement += " On immunity: personal immunity is not opposable before the Court and no waiver is required " +
                         "(Art 27, 98; Pre-Trial Chamber II, Mongolia, 24 October 2024); this consultation does not change the duty.";
        return statement;
    }
}
