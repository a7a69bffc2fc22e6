namespace Cooperation.Requests;

/// <summary>Stable refusal codes of <see cref="RequestLifecycle"/>; services map them to ProblemDetails types.</summary>
public static class LifecycleErrors
{
    public const string IllegalTransition = "illegal-transition";
    public const string StaleVersion = "stale-version";
    public const string RequestIncomplete = "request-incomplete";
    public const string DenialNotAllowed = "denial-not-allowed";
    public const string DenialGroundRequired = "denial-ground-required";
    public const string DenialGroundNotApplicable = "denial-ground-not-applicable";
    public const string ConditionsNotConsidered = "conditions-not-considered";
    public const string ReasonsRequired = "reasons-required";
    public const string DocumentsOrEvidenceOnly = "documents-or-evidence-only";
    public const string Art72StepsRequired = "art72-steps-required";
    public const string OriginatorConsentNotSought = "originator-consent-not-sought";
    public const string PostponementGroundRequired = "postponement-ground-required";
    public const string PostponementGroundNotApplicable = "postponement-ground-not-applicable";
    public const string PostponementPeriodRequired = "postponement-period-required";
    public const string ConsultationRequired = "consultation-required";
    public const string NoPostponementProposed = "no-postponement-proposed";
    public const string OwnProposal = "own-proposal";
    public const string PreservationNotApplicable = "preservation-not-applicable";
    public const string EvidenceCollectionOrdered = "evidence-collection-ordered";
    public const string NotApplicable = "not-applicable";
    public const string ConfirmationNotRequired = "confirmation-not-required";
    public const string ConfirmationAlreadyRecorded = "confirmation-already-recorded";
    public const string ClassificationUnchanged = "classification-unchanged";
    public const string AuthorisingDecisionRequired = "authorising-decision-required";
    public const string OutcomeNotApplicable = "outcome-not-applicable";
    /// <summary>Art 99(4): direct execution is the Prosecutor's, for requests for assistance.</summary>
    public const string DirectExecutionNotApplicable = "direct-execution-not-applicable";
    /// <summary>Art 99(4): the plan needs what the Statute requires (no compulsory measures, ...).</summary>
    public const string DirectExecutionNotAllowed = "direct-execution-not-allowed";
    /// <summary>Art 87(1)(b): the channel or the organisation's name is missing or invalid.</summary>
    public const string InvalidOrganisationTransmission = "invalid-organisation-transmission";
    /// <summary>Art 90: no competing extradition request was notified on this request.</summary>
    public const string NoCompetingRequest = "no-competing-request";
    /// <summary>Art 90(1): a competing extradition request is already notified on this request.</summary>
    public const string CompetingRequestAlreadyNotified = "competing-request-already-notified";
    /// <summary>Art 90: the Court's admissibility determination is already recorded.</summary>
    public const string DeterminationAlreadyRecorded = "determination-already-recorded";
    /// <summary>Art 90(2), (4), (7)(a): the Court's request has priority; the person may not be extradited instead.</summary>
    public const string CourtRequestHasPriority = "court-request-has-priority";
    /// <summary>Art 90(3): no extradition until the Court has determined the case inadmissible.</summary>
    public const string DeterminationPending = "determination-pending";
    /// <summary>Art 90(6), 90(7)(b): the State determines after considering all relevant factors.</summary>
    public const string FactorsNotConsidered = "factors-not-considered";
    /// <summary>Art 90(8): only after an inadmissibility determination.</summary>
    public const string NotDeterminedInadmissible = "not-determined-inadmissible";
}
