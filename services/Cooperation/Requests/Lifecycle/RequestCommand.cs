using Cooperation.Confidentiality;
using Cooperation.Consultations;

namespace Cooperation.Requests;

/// <summary>Which side of a request may issue a command; services check it against the caller's organ.</summary>
public enum Party
{
    /// <summary>The organ that issued the request: the Registry (Chambers' requests) or the Prosecutor (RPE 176(2)).</summary>
    IssuingOrgan,
    /// <summary>The requested State's central authority or designated channel (Art 87(1)).</summary>
    RequestedState,
    /// <summary>Either side.</summary>
    Either,
}

/// <summary>
/// The closed set of things that can happen to a request. <see cref="ForVersion"/>, when set, is the
/// version the sender acted on; a command for an older version is refused (<c>stale-version</c>).
/// </summary>
public abstract record RequestCommand
{
    private RequestCommand() { }

    public int? ForVersion { get; init; }

    /// <summary>Who may issue this command.</summary>
    public abstract Party IssuedBy { get; }

    /// <summary>Draft → Ready, if complete and in an accepted language (Art 91(2), 92(2), 89(3)(b), 96(2); Art 87(2)).</summary>
    public sealed record MarkReady(CompletenessInput Input) : RequestCommand
    {
        public override Party IssuedBy => Party.IssuingOrgan;
    }

    /// <summary>Ready → Transmitted (Art 87(1)). Urgent requests then await confirmation (Art 91(1), 96(1)).</summary>
    public sealed record Transmit(DateTimeOffset At) : RequestCommand
    {
        public override Party IssuedBy => Party.IssuingOrgan;
    }

    /// <summary>Transmitted → Delivered: the State's node persisted the request.</summary>
    public sealed record RecordDelivered(DateTimeOffset At) : RequestCommand
    {
        public override Party IssuedBy => Party.RequestedState;
    }

    /// <summary>Delivered (or Transmitted, since acknowledgement implies delivery) → Acknowledged.</summary>
    public sealed record Acknowledge(DateTimeOffset At, string By) : RequestCommand
    {
        public override Party IssuedBy => Party.RequestedState;
    }

    /// <summary>Acknowledged → InExecution (Art 88, 99).</summary>
    public sealed record StartExecution : RequestCommand
    {
        public override Party IssuedBy => Party.RequestedState;
    }

    /// <summary>A progress report: no change of status.</summary>
    public sealed record ReportProgress : RequestCommand
    {
        public override Party IssuedBy => Party.RequestedState;
    }

    /// <summary>InExecution → Executed or PartiallyExecuted.</summary>
    public sealed record Execute(bool Partial = false) : RequestCommand
    {
        public override Party IssuedBy => Party.RequestedState;
    }

    /// <summary>
    /// → Denied: other assistance on 93(4), 93(5), 93(7), 93(1)(e) or Art 73; transit on 89(3)(a); always with
    /// reasons (93(6)), which a national-security denial may withhold where stating them would itself prejudice
    /// (72(6)). <paramref name="Partial"/>: denied in part only ("in whole or in part", 93(4)); the rest is executed.
    /// <paramref name="ConditionsConsidered"/>: for 93(5), the State considered giving the assistance on conditions.
    /// <paramref name="ConcernsDocumentsOrEvidence"/>, <paramref name="Art72StepsTaken"/>: for 93(4), what it concerns and that
    /// the 72(5) steps were taken. <paramref name="OriginatorConsentSought"/>: for Art 73, the originator was asked.
    /// </summary>
    public sealed record Deny(
        DenialGround? Ground,
        string? Reasons,
        bool ConditionsConsidered = false,
        bool Partial = false,
        bool ConcernsDocumentsOrEvidence = false,
        bool Art72StepsTaken = false,
        bool ReasonsWithheld = false,
        bool OriginatorConsentSought = false) : RequestCommand
    {
        public override Party IssuedBy => Party.RequestedState;
    }

    /// <summary>
    /// → Postponed, only on 89(2) (while consulting the Court), 93(9)(a) or 95. On 94 it is a proposal: the period
    /// (<paramref name="Until"/>) is agreed with the Court, so the request stays where it is until the issuing organ
    /// accepts it (<see cref="AgreePostponement"/>) or proposes another (<see cref="ProposePostponementPeriod"/>).
    /// <paramref name="ConditionsConsidered"/>: Art 94(1), the State considered giving the assistance at once on conditions.
    /// </summary>
    public sealed record Postpone(PostponementGround? Ground, DateTimeOffset? Until = null, bool ConditionsConsidered = false) : RequestCommand
    {
        public override Party IssuedBy => Party.RequestedState;
    }

    /// <summary>Art 94(1): the side that did not make the pending proposal proposes another period instead.</summary>
    public sealed record ProposePostponementPeriod(DateTimeOffset Until, Party By) : RequestCommand
    {
        public override Party IssuedBy => Party.Either;
    }

    /// <summary>Art 94(1): the side that did not make the pending proposal accepts it: the request is postponed until then.</summary>
    public sealed record AgreePostponement(Party By) : RequestCommand
    {
        public override Party IssuedBy => Party.Either;
    }

    /// <summary>
    /// Art 94(2): during an Art 94 postponement the Prosecutor may seek measures to preserve evidence (Art 93(1)(j));
    /// <paramref name="Measures"/>: which (request content, classified as the request).
    /// </summary>
    public sealed record SeekPreservationMeasures(Organs.Organ By, string? Measures = null) : RequestCommand
    {
        public override Party IssuedBy => Party.IssuingOrgan;
    }

    /// <summary>
    /// The Court's ruling on admissibility, which ends a postponement on 89(2) or 95: admissible, execution proceeds;
    /// inadmissible, the request ends as Withdrawn. <paramref name="Reference"/>: the reference of the Court's ruling.
    /// </summary>
    public sealed record RecordAdmissibilityRuling(bool Admissible, string? Reference = null) : RequestCommand
    {
        public override Party IssuedBy => Party.IssuingOrgan;
    }

    /// <summary>
    /// Art 95: the Court ordered that the Prosecutor may pursue the collection of evidence (Art 18, 19): no postponement on 95.
    /// <paramref name="Reference"/>: the reference of the order.
    /// </summary>
    public sealed record RecordEvidenceCollectionOrder(string? Reference = null) : RequestCommand
    {
        public override Party IssuedBy => Party.IssuingOrgan;
    }

    /// <summary>
    /// Art 90(1): the State received a request from another State for the extradition of the same person and notifies
    /// the Court (and the requesting State). Requests for surrender (or provisional arrest) only; no change of status.
    /// </summary>
    public sealed record NotifyCompetingExtradition(Competing.CompetingExtradition Notice) : RequestCommand
    {
        public override Party IssuedBy => Party.RequestedState;
    }

    /// <summary>
    /// Art 90(2)(b), 90(3)-(6): the Court's determination of admissibility, given on the State's notification or earlier
    /// (Art 18, 19), recorded with its reference and date; it sets the priority between the two requests.
    /// </summary>
    public sealed record RecordCompetingAdmissibility(bool Admissible, string Reference, DateOnly On) : RequestCommand
    {
        public override Party IssuedBy => Party.IssuingOrgan;
    }

    /// <summary>
    /// Art 90: the State extradited the person to the competing requesting State, where 90(3), (5), (6) or (7)(b) allows
    /// it; <paramref name="FactorsConsidered"/>: for 90(6) and 90(7)(b), the relevant factors were considered. → ExtraditedInstead.
    /// </summary>
    public sealed record RecordExtraditedInstead(DateOnly On, bool FactorsConsidered = false) : RequestCommand
    {
        public override Party IssuedBy => Party.RequestedState;
    }

    /// <summary>Art 90(8): after the Court determined the case inadmissible, extradition was refused; the State notifies the Court.</summary>
    public sealed record RecordExtraditionRefused(DateOnly On) : RequestCommand
    {
        public override Party IssuedBy => Party.RequestedState;
    }

    /// <summary>
    /// Art 87(1)(b): the request was also transmitted through INTERPOL or a regional organisation, beside the designated
    /// channel (87(1)(a)); no change of status or evidence.
    /// </summary>
    public sealed record RecordOrganisationTransmission(Channels.OrganisationTransmission Transmission) : RequestCommand
    {
        public override Party IssuedBy => Party.IssuingOrgan;
    }

    /// <summary>
    /// Art 99(4): the Prosecutor records a direct execution on the State's territory, after consultations with the State
    /// (<paramref name="ConsultationsHeld"/>: an Art 97 consultation on this request, our reading). No change of status.
    /// </summary>
    public sealed record RecordDirectExecution(DirectExecution.DirectExecutionPlan Plan, Organs.Organ By, bool ConsultationsHeld) : RequestCommand
    {
        public override Party IssuedBy => Party.IssuingOrgan;
    }

    /// <summary>Postponed or InConsultation → the status before it.</summary>
    public sealed record Resume : RequestCommand
    {
        public override Party IssuedBy => Party.Either;
    }

    /// <summary>→ InConsultation (Art 97); opened by the State or by the Court.</summary>
    public sealed record OpenConsultation : RequestCommand
    {
        public override Party IssuedBy => Party.Either;
    }

    /// <summary>
    /// InConsultation → per outcome: Resumed (prior status), Postponed (needs a ground, as <see cref="Postpone"/>),
    /// Redirected (93(9)(b): the request ends here as Withdrawn), Withdrawn. Outcome Modified is recorded
    /// by <see cref="Modify"/>, which carries the new version.
    /// </summary>
    public sealed record CloseConsultation(
        ConsultationOutcome Outcome,
        PostponementGround? Ground = null,
        DateTimeOffset? Until = null) : RequestCommand
    {
        public override Party IssuedBy => Party.Either;
    }

    /// <summary>A new version (version + 1), re-sent: back to Transmitted. Closes an open consultation as Modified.</summary>
    public sealed record Modify(DateTimeOffset At, CompletenessInput Input) : RequestCommand
    {
        public override Party IssuedBy => Party.IssuingOrgan;
    }

    /// <summary>Any open status → Withdrawn.</summary>
    public sealed record Withdraw : RequestCommand
    {
        public override Party IssuedBy => Party.IssuingOrgan;
    }

    /// <summary>An urgent request was confirmed through the designated channel (Art 91(1), 96(1)).</summary>
    public sealed record RecordConfirmation(DateTimeOffset At) : RequestCommand
    {
        public override Party IssuedBy => Party.IssuingOrgan;
    }

    /// <summary>
    /// A change of classification, allowed in every status. Unsealing (UnderSeal → Confidential or Public, e.g. a
    /// warrant after arrest) needs <paramref name="AuthorisingDecision"/>: the reference of the Chamber's decision
    /// that authorises it.
    /// </summary>
    public sealed record Reclassify(Classification To, string? AuthorisingDecision = null) : RequestCommand
    {
        public override Party IssuedBy => Party.IssuingOrgan;
    }
}

/// <summary>
/// What <see cref="RequestCompleteness.Check"/> needs, carried by the commands that make a request ready or re-send it.
/// <paramref name="TranslationLanguage"/>: the language of the translation that travels with the request, if any (RPE 178).
/// <paramref name="Requirements"/>: the State's national requirements as the register records them (Art 91(4), 96(2)(e)).
/// </summary>
public sealed record CompletenessInput(
    RequestContents Contents,
    string Language,
    IReadOnlyCollection<string> AcceptedLanguages,
    string? TranslationLanguage = null,
    Register.NationalRequirements? Requirements = null);
