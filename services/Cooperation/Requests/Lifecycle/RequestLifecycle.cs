using Cooperation.Confidentiality;
using Cooperation.Consultations;
using Cooperation.Requests.Competing;
using Cooperation.Validation;
using static Cooperation.Requests.RequestCommand;

namespace Cooperation.Requests;

/// <summary>
/// The request lifecycle as a pure, guarded state machine: given what a request is now and what
/// someone wants to do, decide. No clock, no storage; refusal messages name statuses and kinds only.
/// </summary>
public static class RequestLifecycle
{
    /// <summary>
    /// A request for other assistance may be denied (Art 93(4), 93(5), 93(7), 93(1)(e), 73) and a transit refused
    /// (Art 89(3)(a)); never a request to arrest and surrender or provisionally arrest (Art 89(1)).
    /// </summary>
    public static bool MayBeDenied(RequestKind kind) => kind is RequestKind.OtherAssistance or RequestKind.Transit;

    /// <summary>Whether a denial ground can apply to a kind of request (and, for assistance, its Art 93(1) measure).</summary>
    public static bool DenialApplies(DenialGround ground, RequestKind kind, AssistanceMeasure? measure) => ground switch
    {
        DenialGround.NationalSecurity => kind == RequestKind.OtherAssistance,
        // Art 93(5): 93(1)(l) assistance only.
        DenialGround.ProhibitedByNationalLaw => kind == RequestKind.OtherAssistance && measure == AssistanceMeasure.OtherAssistance,
        // Art 89(3)(a): transit that would impede or delay the surrender.
        DenialGround.TransitWouldImpedeSurrender => kind == RequestKind.Transit,
        // Art 93(7)(a): temporary transfer of a person in custody (93(1)(f)) only with consent.
        DenialGround.NoConsentToTemporaryTransfer => kind == RequestKind.OtherAssistance && measure == AssistanceMeasure.TemporaryTransfer,
        // Art 93(1)(e): appearance of witnesses or experts is voluntary.
        DenialGround.AppearanceNotVoluntary => kind == RequestKind.OtherAssistance && measure == AssistanceMeasure.VoluntaryAppearance,
        // Art 73: third-party information held in confidence.
        DenialGround.ThirdPartyOriginatorRefused => kind == RequestKind.OtherAssistance,
        _ => false,
    };

    /// <summary>Whether a postponement ground can apply to a kind of request at all.</summary>
    public static bool PostponementApplies(PostponementGround ground, RequestKind kind) => ground switch
    {
        // Art 89(2): postponement of the execution of a request for surrender.
        PostponementGround.NeBisInIdemChallenge => kind == RequestKind.ArrestAndSurrender,
        // Art 94: a request under Art 93 whose immediate execution would interfere with a national case.
        PostponementGround.NationalProceedings => kind == RequestKind.OtherAssistance,
        // Art 93(9)(a): competing requests for assistance (for persons, Art 90 governs instead).
        PostponementGround.CompetingRequests => kind == RequestKind.OtherAssistance,
        // Art 95: "a request under this Part", any kind.
        PostponementGround.AdmissibilityChallenge => true,
        _ => false,
    };

    /// <summary>The denial grounds the law allows for a kind (and measure), in the enum's order; none for an arrest (Art 89(1)).</summary>
    public static IReadOnlyList<DenialGround> DenialGroundsFor(RequestKind kind, AssistanceMeasure? measure) =>
        MayBeDenied(kind) ? Enum.GetValues<DenialGround>().Where(g => DenialApplies(g, kind, measure)).ToList() : [];

    /// <summary>The postponement grounds the law allows for a kind (Art 89(2), 94, 95, 93(9)(a)), in the enum's order.</summary>
    public static IReadOnlyList<PostponementGround> PostponementGroundsFor(RequestKind kind) =>
        Enum.GetValues<PostponementGround>().Where(g => PostponementApplies(g, kind)).ToList();

    public static Decision Decide(RequestSnapshot current, RequestCommand command)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(command);

        if (command.ForVersion is { } version && version != current.Version)
            return new Decision.Refused(LifecycleErrors.StaleVersion,
                $"The command concerns version {version}; the request is at version {current.Version}.");

        // Terminal statuses accept nothing but a reclassification.
        if (current.Status.IsTerminal() && command is not Reclassify)
            return Illegal(current, command);

        return command switch
        {
            MarkReady c => MarkReadyFrom(current, c),
            Transmit c => TransmitFrom(current, c),
            RecordDelivered c => RecordDeliveredFrom(current, c),
            Acknowledge c => AcknowledgeFrom(current, c),
            StartExecution c => StartExecutionFrom(current, c),
            ReportProgress c => ReportProgressFrom(current, c),
            Execute c => ExecuteFrom(current, c),
            Deny c => DenyFrom(current, c),
            Postpone c => When(current, c, [RequestStatus.Acknowledged, RequestStatus.InExecution, RequestStatus.InConsultation],
                () => PostponeFrom(current, c)),
            ProposePostponementPeriod c => When(current, c, ProposalStatuses, () => CounterPropose(current, c)),
            AgreePostponement c => When(current, c, ProposalStatuses, () => Agree(current, c)),
            SeekPreservationMeasures c => SeekPreservationFrom(current, c),
            RecordAdmissibilityRuling c => When(current, c, [RequestStatus.Postponed], () => AdmissibilityRuled(current, c)),
            RecordEvidenceCollectionOrder c => When(current, c,
                [RequestStatus.Draft, RequestStatus.Ready, .. PendingStatuses], () =>
                current.Kind != RequestKind.OtherAssistance
                    ? new Decision.Refused(LifecycleErrors.NotApplicable,
                        "An order to pursue the collection of evidence (Art 95) concerns requests for assistance.")
                    : Accept(current, current with { EvidenceCollectionOrdered = true, EvidenceCollectionOrderReference = c.Reference?.Trim() },
                        "evidence-collection-ordered",
                        "The Court ordered that the Prosecutor may pursue the collection of evidence (Art 18, 19): " +
                        "no postponement on Art 95.")),
            NotifyCompetingExtradition c => When(current, c, CompetingStatuses, () => NotifyCompetingFrom(current, c)),
            RecordCompetingAdmissibility c => When(current, c, CompetingStatuses, () => CompetingAdmissibilityFrom(current, c)),
            RecordExtraditedInstead c => When(current, c, CompetingStatuses, () => ExtraditedInsteadFrom(current, c)),
            RecordExtraditionRefused c => When(current, c, CompetingStatuses, () => ExtraditionRefusedFrom(current, c)),
            // Art 87(1)(b) "without prejudice to" (a): only beside a transmission through the designated channel (our reading).
            RecordOrganisationTransmission c => When(current, c, PendingStatuses, () => OrganisationTransmissionFrom(current, c)),
            RecordDirectExecution c => When(current, c,
                [RequestStatus.Acknowledged, RequestStatus.InExecution, RequestStatus.InConsultation], () => DirectExecutionFrom(current, c)),
            Resume c => ResumeFrom(current, c),
            OpenConsultation c => When(current, c,
                [RequestStatus.Delivered, RequestStatus.Acknowledged, RequestStatus.InExecution, RequestStatus.Postponed],
                () => Accept(current,
                    current with { Status = RequestStatus.InConsultation, StatusBeforeConsultation = current.Status },
                    "consultation-opened", "Consultation opened (Art 97).")),
            CloseConsultation c => CloseConsultationFrom(current, c),
            Modify c => ModifyFrom(current, c),
            Withdraw => Accept(current, current with { Status = RequestStatus.Withdrawn, StatusBeforeConsultation = null }, "request-withdrawn",
                current.Status == RequestStatus.InConsultation
                    ? "Request withdrawn; the consultation ends with outcome Withdrawn."
                    : "Request withdrawn."),
            RecordConfirmation c => RecordConfirmationFrom(current, c),
            Reclassify c => ReclassifyFrom(current, c),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "unknown command"),
        };
    }

    private static Decision MarkReadyFrom(RequestSnapshot current, MarkReady c) =>
        When(current, c, [RequestStatus.Draft], () =>
        {
            var problems = Check(current.Kind, c.Input);
            return problems.Count > 0
                ? Incomplete(problems)
                : Accept(current, current with { Status = RequestStatus.Ready }, "request-ready",
                    $"{current.Kind} request complete and ready to transmit.");
        });

    private static Decision TransmitFrom(RequestSnapshot current, Transmit c) =>
        When(current, c, [RequestStatus.Ready], () =>
            Accept(current, current with { Status = RequestStatus.Transmitted, TransmittedAt = c.At, FirstTransmittedAt = current.FirstTransmittedAt ?? c.At }, "request-transmitted",
                current.Kind == RequestKind.ProvisionalArrest
                    ? "Provisional arrest requested by a medium leaving a written record (Art 92(1)); no confirmation is owed: " +
                      "the surrender request and documents follow within 60 days of the arrest (RPE 188)."
                    : current.OwesConfirmation
                        ? "Urgent request transmitted; confirmation through the designated channel is due (Art 91(1), 96(1))."
                        : "Request transmitted through the designated channel (Art 87(1))."));

    private static Decision RecordDeliveredFrom(RequestSnapshot current, RecordDelivered c) =>
        When(current, c, [RequestStatus.Transmitted], () =>
            Accept(current, current with { Status = RequestStatus.Delivered, DeliveredAt = c.At }, "request-delivered",
                "The requested State's node holds the request."));

    // Acknowledgement implies delivery, so an acknowledgement overtaking the delivery receipt is accepted.
    private static Decision AcknowledgeFrom(RequestSnapshot current, Acknowledge c) =>
        When(current, c, [RequestStatus.Transmitted, RequestStatus.Delivered], () =>
            Accept(current,
                current with { Status = RequestStatus.Acknowledged, DeliveredAt = current.DeliveredAt ?? c.At, AcknowledgedAt = c.At },
                "request-acknowledged", "The requested State acknowledged the request."));

    // Art 97 suspends nothing: execution may start while a consultation opened before it is still open.
    private static Decision StartExecutionFrom(RequestSnapshot current, StartExecution c) =>
        current.Status == RequestStatus.InConsultation && current.StatusBeforeConsultation == RequestStatus.Acknowledged
            ? Accept(current, current with { StatusBeforeConsultation = RequestStatus.InExecution },
                "execution-started", "Execution started (Art 99) while the consultation is open; Art 97 does not suspend it.")
            : When(current, c, [RequestStatus.Acknowledged],
                () => Accept(current, current with { Status = RequestStatus.InExecution },
                    "execution-started", "Execution started (Art 99)."));

    private static Decision ReportProgressFrom(RequestSnapshot current, ReportProgress c) =>
        When(current, c, ExecutingStatuses, () =>
            Accept(current, current, "progress-reported", "The requested State reported progress."));

    private static Decision ExecuteFrom(RequestSnapshot current, Execute c) =>
        When(current, c, ExecutingStatuses, () =>
        {
            var to = c.Partial ? RequestStatus.PartiallyExecuted : RequestStatus.Executed;
            var closesConsultation = current.Status == RequestStatus.InConsultation;
            return Accept(current, current with { Status = to, StatusBeforeConsultation = null },
                c.Partial ? "request-partially-executed" : "request-executed",
                (c.Partial ? "Request partially executed." : "Request executed.")
                + (closesConsultation ? " The open consultation did not suspend the duty to execute." : ""));
        });

    // Art 97 has no suspensive clause: every kind goes on executing while a consultation is open (DutyToExecute).
    private static readonly RequestStatus[] ExecutingStatuses = [RequestStatus.InExecution, RequestStatus.InConsultation];

    private static Decision DenyFrom(RequestSnapshot current, Deny c) =>
        When(current, c, [RequestStatus.Acknowledged, RequestStatus.InExecution, RequestStatus.InConsultation], () =>
        {
            if (!MayBeDenied(current.Kind))
                return new Decision.Refused(LifecycleErrors.DenialNotAllowed,
                    $"A {current.Kind} request cannot be denied (Art 89(1)); consult the Court under Art 97 instead.");

            var problems = new List<(string Code, InvalidElement Element)>();
            if (c.Ground is not { } ground || !Enum.IsDefined(ground))
                problems.Add((LifecycleErrors.DenialGroundRequired, new InvalidElement("ground",
                    current.Kind == RequestKind.Transit
                        ? "a refusal of transit needs its ground: Art 89(3)(a)"
                        : "a denial needs a ground: Art 93(4), 93(5), 93(7), 93(1)(e) or 73")));
            else if (!DenialApplies(ground, current.Kind, current.Measure))
                problems.Add((LifecycleErrors.DenialGroundNotApplicable,
                    new InvalidElement("ground", $"{Article(ground)} does not apply to this request" + ground switch
                    {
                        DenialGround.ProhibitedByNationalLaw => " (93(1)(l) assistance only)",
                        DenialGround.TransitWouldImpedeSurrender => " (transit only)",
                        DenialGround.NoConsentToTemporaryTransfer => " (93(1)(f) temporary transfer only)",
                        DenialGround.AppearanceNotVoluntary => " (93(1)(e) voluntary appearance only)",
                        _ => " (other assistance only)",
                    })));
            else
                switch (ground)
                {
                    case DenialGround.ProhibitedByNationalLaw when !c.ConditionsConsidered:
                        problems.Add((LifecycleErrors.ConditionsNotConsidered, new InvalidElement("conditionsConsidered",
                            "before denying 93(1)(l) assistance the State considers giving it on conditions (Art 93(5))")));
                        break;
                    case DenialGround.NationalSecurity:
                        // Art 93(4): "only if the request concerns the production of any documents or disclosure of evidence".
                        if (!c.ConcernsDocumentsOrEvidence)
                            problems.Add((LifecycleErrors.DocumentsOrEvidenceOnly, new InvalidElement("concernsDocumentsOrEvidence",
                                "a national-security denial concerns the production of documents or disclosure of evidence only (Art 93(4))")));
                        // Art 72(5)-(6): only once all reasonable steps to resolve the matter by cooperative means were taken.
                        if (!c.Art72StepsTaken)
                            problems.Add((LifecycleErrors.Art72StepsRequired, new InvalidElement("art72StepsTaken",
                                "the State first takes all reasonable steps with the Court to resolve the matter by cooperative means (Art 72(5))")));
                        break;
                    case DenialGround.ThirdPartyOriginatorRefused when !c.OriginatorConsentSought:
                        problems.Add((LifecycleErrors.OriginatorConsentNotSought, new InvalidElement("originatorConsentSought",
                            "the State first seeks the originator's consent to disclose (Art 73)")));
                        break;
                }
            // Art 93(6): reasons; Art 72(6): unless a specific description would itself prejudice national security.
            var withheld = c.ReasonsWithheld && c.Ground == DenialGround.NationalSecurity;
            if (string.IsNullOrWhiteSpace(c.Reasons) && !withheld)
                problems.Add((LifecycleErrors.ReasonsRequired, new InvalidElement("reasons", c.ReasonsWithheld
                    ? "only a national-security denial may withhold its reasons (Art 72(6)); any other states them (Art 93(6))"
                    : "a denial must state its reasons (Art 93(6))")));
            // Art 93(4) "in whole or in part"; a transit is refused or not.
            if (c.Partial && current.Kind == RequestKind.Transit)
                problems.Add((LifecycleErrors.DenialGroundNotApplicable, new InvalidElement("partial",
                    "a transit is refused as a whole (Art 89(3)(a))")));

            if (problems.Count > 0)
                return new Decision.Refused(problems[0].Code, "The denial cannot be recorded as it stands.",
                    [.. problems.Select(p => p.Element)]);

            var reasons = withheld && string.IsNullOrWhiteSpace(c.Reasons)
                ? "its specific reasons withheld because stating them would itself prejudice national security (Art 72(6))"
                : "with reasons (Art 93(6))";
            if (c.Partial)
                return Accept(current, current with { PartlyDenied = true }, "request-partly-denied",
                    $"Request denied in part on {Article(c.Ground!.Value)}, {reasons}; the rest goes on being executed.");
            return Accept(current, current with { Status = RequestStatus.Denied, StatusBeforeConsultation = null },
                "request-denied", $"Request denied on {Article(c.Ground!.Value)}, {reasons}.");
        });

    private static string Article(DenialGround ground) => ground switch
    {
        DenialGround.NationalSecurity => "Art 93(4), 72",
        DenialGround.ProhibitedByNationalLaw => "Art 93(5)",
        DenialGround.TransitWouldImpedeSurrender => "Art 89(3)(a)",
        DenialGround.NoConsentToTemporaryTransfer => "Art 93(7)",
        DenialGround.AppearanceNotVoluntary => "Art 93(1)(e)",
        DenialGround.ThirdPartyOriginatorRefused => "Art 73",
        _ => "an unknown ground",
    };

    private static Decision ResumeFrom(RequestSnapshot current, Resume c) =>
        When(current, c, [RequestStatus.Postponed, RequestStatus.InConsultation], () =>
            current.Status == RequestStatus.Postponed
                ? Accept(current,
                    current with
                    {
                        Status = current.StatusBeforePostponement ?? RequestStatus.Acknowledged,
                        StatusBeforePostponement = null,
                        PostponementGround = null,
                        PostponedUntil = null,
                    },
                    "postponement-ended", "The postponement ended; execution resumes.")
                : EndConsultationResumed(current));

    private static Decision EndConsultationResumed(RequestSnapshot current) =>
        Accept(current,
            current with { Status = current.StatusBeforeConsultation ?? RequestStatus.Acknowledged, StatusBeforeConsultation = null },
            "consultation-closed", "Consultation closed with outcome Resumed (Art 97).");

    private static Decision CloseConsultationFrom(RequestSnapshot current, CloseConsultation c) =>
        When(current, c, [RequestStatus.InConsultation], () => c.Outcome switch
        {
            ConsultationOutcome.Resumed => EndConsultationResumed(current),
            ConsultationOutcome.Postponed =>
                EnterPostponement(current, ReturnStatus(current), c.Ground, c.Until, "consultation-closed"),
            ConsultationOutcome.Withdrawn => Accept(current,
                current with { Status = RequestStatus.Withdrawn, StatusBeforeConsultation = null },
                "consultation-closed", "Consultation closed with outcome Withdrawn; the request is withdrawn."),
            // Art 93(9)(b): the Court directs its request to the third State or organisation instead.
            ConsultationOutcome.Redirected when current.Kind == RequestKind.OtherAssistance => Accept(current,
                current with { Status = RequestStatus.Withdrawn, StatusBeforeConsultation = null },
                "consultation-closed",
                "Consultation closed with outcome Redirected (Art 93(9)(b)); this request ends here as Withdrawn."),
            ConsultationOutcome.Redirected => new Decision.Refused(LifecycleErrors.OutcomeNotApplicable,
                $"Redirection (Art 93(9)(b)) applies to requests for other assistance, not to a {current.Kind} request."),
            ConsultationOutcome.Modified => new Decision.Refused(LifecycleErrors.OutcomeNotApplicable,
                "A consultation ends as Modified when the modified request is sent (Modify), which carries the new version."),
            _ => new Decision.Refused(LifecycleErrors.OutcomeNotApplicable, "Unknown consultation outcome."),
        });

    // When a consultation ends in postponement, the request later returns to where it was before the consultation.
    private static RequestStatus ReturnStatus(RequestSnapshot current) =>
        current.Status == RequestStatus.InConsultation
            ? current.StatusBeforeConsultation ?? RequestStatus.Acknowledged
            : current.Status;

    private static readonly RequestStatus[] ProposalStatuses =
        [RequestStatus.Acknowledged, RequestStatus.InExecution, RequestStatus.InConsultation];

    private static Decision PostponeFrom(RequestSnapshot current, Postpone c)
    {
        // Art 89(2): "shall immediately consult with the Court"; the postponement comes from that consultation.
        if (c.Ground == PostponementGround.NeBisInIdemChallenge && current.Status != RequestStatus.InConsultation
            && PostponementApplies(PostponementGround.NeBisInIdemChallenge, current.Kind))
            return new Decision.Refused(LifecycleErrors.ConsultationRequired,
                "A postponement under Art 89(2) follows a consultation with the Court on the ne bis in idem challenge: open one first.");
        // Art 95 "unless the Court has specifically ordered that the Prosecutor may pursue the collection of such evidence".
        if (c.Ground == PostponementGround.AdmissibilityChallenge && current.EvidenceCollectionOrdered)
            return new Decision.Refused(LifecycleErrors.EvidenceCollectionOrdered,
                "The Court ordered that the collection of evidence may continue (Art 95, 18, 19): execution cannot be postponed on Art 95.");
        if (c.Ground != PostponementGround.NationalProceedings)
            return EnterPostponement(current, ReturnStatus(current), c.Ground, c.Until, "request-postponed");

        // Art 94(1): the period is agreed with the Court. The State's postponement is a proposal; execution
        // goes on until the issuing organ accepts it or proposes another period.
        if (!PostponementApplies(PostponementGround.NationalProceedings, current.Kind))
            return EnterPostponement(current, ReturnStatus(current), c.Ground, c.Until, "request-postponed");
        if (c.Until is not { } until)
            return new Decision.Refused(LifecycleErrors.PostponementPeriodRequired,
                "A postponement under Art 94 is for a period agreed with the Court: propose its end.",
                [new InvalidElement("until", "required: the end of the period proposed to the Court (Art 94(1))")]);
        return Accept(current,
            current with
            {
                PendingPostponement = new PostponementProposal(PostponementGround.NationalProceedings, until, Party.RequestedState),
                PostponementConditionsConsidered = c.ConditionsConsidered,
            },
            "postponement-proposed",
            "The State proposed to postpone execution under Art 94 for a period to be agreed with the Court; " +
            (c.ConditionsConsidered
                ? "it considered giving the assistance at once on conditions (Art 94(1)). "
                : "it did not record considering whether the assistance could be given at once on conditions (Art 94(1)). ") +
            "Execution goes on until the issuing organ accepts or proposes another period.");
    }

    private static Decision CounterPropose(RequestSnapshot current, ProposePostponementPeriod c)
    {
        if (current.PendingPostponement is not { } pending)
            return NoProposal();
        if (pending.ProposedBy == c.By)
            return new Decision.Refused(LifecycleErrors.OwnProposal, "The other side answers a proposal; a side does not counter its own (Art 94(1)).");
        return Accept(current, current with { PendingPostponement = pending with { Until = c.Until, ProposedBy = c.By } },
            "postponement-period-proposed",
            $"The {Side(c.By)} proposed another postponement period (Art 94(1)); execution goes on until it is agreed.");
    }

    private static Decision Agree(RequestSnapshot current, AgreePostponement c)
    {
        if (current.PendingPostponement is not { } pending)
            return NoProposal();
        if (pending.ProposedBy == c.By)
            return new Decision.Refused(LifecycleErrors.OwnProposal, "A proposal is agreed by the other side (Art 94(1)).");
        var decision = EnterPostponement(current with { PendingPostponement = null }, ReturnStatus(current), pending.Ground, pending.Until,
            "postponement-agreed");
        return decision is Decision.Accepted a
            ? a with { Entry = a.Entry with { Description = $"The {Side(c.By)} agreed the period: execution postponed on Art 94 until the agreed date (Art 94(1))." } }
            : decision;
    }

    private static Decision NoProposal() =>
        new Decision.Refused(LifecycleErrors.NoPostponementProposed, "No postponement period is awaiting agreement (Art 94(1)).");

    private static string Side(Party party) => party == Party.IssuingOrgan ? "issuing organ" : "requested State";

    private static Decision SeekPreservationFrom(RequestSnapshot current, SeekPreservationMeasures c) =>
        When(current, c, [RequestStatus.Acknowledged, RequestStatus.InExecution, RequestStatus.InConsultation, RequestStatus.Postponed], () =>
        {
            var on94 = current is { Status: RequestStatus.Postponed, PostponementGround: PostponementGround.NationalProceedings }
                || current.PendingPostponement?.Ground == PostponementGround.NationalProceedings;
            if (!on94)
                return new Decision.Refused(LifecycleErrors.PreservationNotApplicable,
                    "Measures to preserve evidence under Art 94(2) are sought during an Art 94 postponement.");
            if (c.By != Organs.Organ.Prosecutor)
                return new Decision.Refused(LifecycleErrors.PreservationNotApplicable,
                    "Art 94(2): it is the Prosecutor who may seek measures to preserve evidence.");
            return Accept(current, current with { PreservationMeasuresSought = true, PreservationMeasures = c.Measures?.Trim() ?? current.PreservationMeasures },
                "preservation-measures-sought",
                "The Prosecutor seeks measures to preserve evidence during the postponement (Art 94(2), 93(1)(j)).");
        });

    // Art 89(2): "If the case is admissible, the requested State shall proceed with the execution"; Art 95 likewise
    // ends with the Court's determination.
    private static Decision AdmissibilityRuled(RequestSnapshot current, RecordAdmissibilityRuling c)
    {
        if (current.PostponementGround is not (PostponementGround.NeBisInIdemChallenge or PostponementGround.AdmissibilityChallenge))
            return new Decision.Refused(LifecycleErrors.NotApplicable,
                "An admissibility ruling ends a postponement on Art 89(2) or 95 only.");
        var article = Article(current.PostponementGround.Value);
        if (!c.Admissible)
            return Accept(current, current with { Status = RequestStatus.Withdrawn, StatusBeforePostponement = null, AdmissibilityRulingReference = c.Reference?.Trim() },
                "admissibility-ruled", $"The Court ruled the case inadmissible; the postponement on {article} ends and the request is withdrawn.");
        return Accept(current,
            current with
            {
                Status = current.StatusBeforePostponement ?? RequestStatus.Acknowledged,
                StatusBeforePostponement = null,
                PostponementGround = null,
                PostponedUntil = null,
                AdmissibilityRulingReference = c.Reference?.Trim(),
            },
            "admissibility-ruled", $"The Court ruled the case admissible; the postponement on {article} ends and execution proceeds.");
    }

    // Art 90 concerns the person once the State holds the Court's request, whatever it is doing with it.
    private static readonly RequestStatus[] CompetingStatuses =
    [
        RequestStatus.Delivered, RequestStatus.Acknowledged, RequestStatus.InExecution, RequestStatus.InConsultation, RequestStatus.Postponed,
    ];

    private static Decision NotifyCompetingFrom(RequestSnapshot current, NotifyCompetingExtradition c)
    {
        // Art 90(1): "a request from the Court for the surrender of a person"; a provisional arrest precedes one (our reading).
        if (current.Kind is not (RequestKind.ArrestAndSurrender or RequestKind.ProvisionalArrest))
            return new Decision.Refused(LifecycleErrors.NotApplicable,
                "Competing extradition requests (Art 90) concern requests for surrender; for assistance, see Art 93(9)(a).");
        if (current.CompetingExtradition is not null)
            return new Decision.Refused(LifecycleErrors.CompetingRequestAlreadyNotified,
                "A competing extradition request is already notified on this request (Art 90(1)).");
        var notice = c.Notice with { RequestingState = c.Notice.RequestingState.Trim().ToUpperInvariant(), Determination = null, ExtraditionRefusedOn = null };
        return Accept(current, current with { CompetingExtradition = notice }, "competing-extradition-notified",
            "The requested State notified a competing request for the extradition of the same person (Art 90(1)); " +
            $"priority as it stands: {CompetingRequests.Priority(notice)} ({CompetingRequests.Article(notice)}).");
    }

    private static Decision CompetingAdmissibilityFrom(RequestSnapshot current, RecordCompetingAdmissibility c)
    {
        if (current.CompetingExtradition is not { } competing) return NoCompeting();
        if (competing.Determination is not null)
            return new Decision.Refused(LifecycleErrors.DeterminationAlreadyRecorded,
                "The Court's admissibility determination on the competing requests is already recorded (Art 90).");
        if (string.IsNullOrWhiteSpace(c.Reference))
            return new Decision.Refused(LifecycleErrors.AuthorisingDecisionRequired,
                "The admissibility determination is recorded with the reference of the Court's decision.",
                [new InvalidElement("reference", "required: the reference of the Court's decision")]);
        var next = competing with { Determination = new AdmissibilityDetermination(c.Admissible, c.Reference.Trim(), c.On) };
        return Accept(current, current with { CompetingExtradition = next }, "competing-admissibility-determined",
            $"The Court determined the case {(c.Admissible ? "admissible" : "inadmissible")} (Art 18, 19); " +
            $"priority: {CompetingRequests.Priority(next)} ({CompetingRequests.Article(next)}).");
    }

    private static Decision ExtraditedInsteadFrom(RequestSnapshot current, RecordExtraditedInstead c)
    {
        if (current.CompetingExtradition is not { } competing) return NoCompeting();
        var article = CompetingRequests.Article(competing);
        switch (CompetingRequests.Priority(competing))
        {
            case CompetingPriority.CourtRequest:
                return new Decision.Refused(LifecycleErrors.CourtRequestHasPriority,
                    $"The Court's request has priority ({article}): the person is surrendered, not extradited instead.");
            case CompetingPriority.AwaitingDetermination:
                return new Decision.Refused(LifecycleErrors.DeterminationPending,
                    "The State may proceed with the extradition request but shall not extradite until the Court has determined the case inadmissible (Art 90(3)).");
            case CompetingPriority.StateDetermines when !c.FactorsConsidered:
                return new Decision.Refused(LifecycleErrors.FactorsNotConsidered,
                    $"The State determines whether to surrender or extradite considering all relevant factors ({article}).",
                    [new InvalidElement("factorsConsidered", $"required: the relevant factors were considered ({article})")]);
        }
        return Accept(current,
            current with { Status = RequestStatus.ExtraditedInstead, StatusBeforeConsultation = null, StatusBeforePostponement = null },
            "extradited-instead",
            $"The person was extradited to the competing requesting State as {article} allows; the request ends lawfully.");
    }

    private static Decision ExtraditionRefusedFrom(RequestSnapshot current, RecordExtraditionRefused c)
    {
        if (current.CompetingExtradition is not { } competing) return NoCompeting();
        if (competing.Determination?.Admissible != false || competing.ExtraditionRefusedOn is not null)
            return new Decision.Refused(LifecycleErrors.NotDeterminedInadmissible,
                "Art 90(8): the refusal of extradition is notified after the Court determined the case inadmissible.");
        return Accept(current, current with { CompetingExtradition = competing with { ExtraditionRefusedOn = c.On } },
            "extradition-refused",
            "Extradition to the competing requesting State was refused after the Court's inadmissibility determination (Art 90(8)); " +
            "the Court's request remains.");
    }

    private static Decision OrganisationTransmissionFrom(RequestSnapshot current, RecordOrganisationTransmission c)
    {
        var t = c.Transmission;
        var problems = Channels.OrganisationTransmissions.Validate(t.Channel, t.Organisation, t.Reference);
        if (problems.Count > 0)
            return new Decision.Refused(LifecycleErrors.InvalidOrganisationTransmission,
                "The transmission through an organisation (Art 87(1)(b)) cannot be recorded as it stands.", problems);
        var recorded = t with
        {
            Organisation = string.IsNullOrWhiteSpace(t.Organisation) ? null : t.Organisation.Trim(),
            Reference = string.IsNullOrWhiteSpace(t.Reference) ? null : t.Reference.Trim(),
        };
        return Accept(current, current with { OrganisationTransmissions = [.. current.OrganisationTransmissions, recorded] },
            "organisation-transmission-recorded",
            (t.Channel == Channels.OrganisationChannel.Interpol ? "Also transmitted through INTERPOL" : "Also transmitted through a regional organisation")
            + " (Art 87(1)(b)), beside the designated channel (87(1)(a)); status and evidence unchanged.");
    }

    private static Decision DirectExecutionFrom(RequestSnapshot current, RecordDirectExecution c)
    {
        // Art 99(4): "the Prosecutor may execute such request directly" — the Prosecutor's own requests for assistance.
        if (current.Kind != RequestKind.OtherAssistance || c.By != Organs.Organ.Prosecutor)
            return new Decision.Refused(LifecycleErrors.DirectExecutionNotApplicable,
                "Direct execution on a State's territory (Art 99(4)) is the Prosecutor's, for requests for assistance.");
        var problems = DirectExecution.DirectExecutionRules.Check(current.Measure, c.Plan);
        if (problems.Count > 0)
            return new Decision.Refused(LifecycleErrors.DirectExecutionNotAllowed,
                "The direct execution cannot be recorded as it stands (Art 99(4)).", problems);
        var @case = DirectExecution.DirectExecutionRules.CaseFor(c.Plan);
        // 99(4)(a) "following all possible consultations"; 99(4)(b) "following consultations".
        if (!c.ConsultationsHeld)
            return new Decision.Refused(LifecycleErrors.ConsultationRequired,
                $"Direct execution under {DirectExecution.DirectExecutionRules.Article(@case)} follows consultations with the requested State: open one first.");
        var plan = c.Plan with
        {
            AdmissibilityDecision = string.IsNullOrWhiteSpace(c.Plan.AdmissibilityDecision) ? null : c.Plan.AdmissibilityDecision.Trim(),
            StateConditions = string.IsNullOrWhiteSpace(c.Plan.StateConditions) ? null : c.Plan.StateConditions.Trim(),
        };
        return Accept(current,
            current with { DirectExecutions = [.. current.DirectExecutions, new DirectExecution.DirectExecutionRecord(plan, @case)] },
            "direct-execution-recorded",
            @case == DirectExecution.DirectExecutionCase.TerritorialStateAfterAdmissibility
                ? "The Prosecutor executes the request directly on the territory of the State where the crime is alleged, after the " +
                  "admissibility determination and all possible consultations (Art 99(4)(a))."
                : "The Prosecutor executes the request directly after consultations with the State, subject to its reasonable " +
                  "conditions or concerns (Art 99(4)(b)).");
    }

    private static Decision NoCompeting() =>
        new Decision.Refused(LifecycleErrors.NoCompetingRequest, "No competing extradition request is notified on this request (Art 90(1)).");

    private static Decision EnterPostponement(
        RequestSnapshot current, RequestStatus returnTo, PostponementGround? ground, DateTimeOffset? until, string @event)
    {
        if (ground is not { } g || !Enum.IsDefined(g))
            return new Decision.Refused(LifecycleErrors.PostponementGroundRequired,
                "A postponement needs a ground: Art 89(2), 93(9)(a), 94 or 95.",
                [new InvalidElement("ground", "required: Art 89(2), 93(9)(a), 94 or 95")]);
        if (!PostponementApplies(g, current.Kind))
            return new Decision.Refused(LifecycleErrors.PostponementGroundNotApplicable,
                $"Postponement on {Article(g)} does not apply to a {current.Kind} request.",
                [new InvalidElement("ground", $"{Article(g)} does not apply to this kind of request")]);
        if (g == PostponementGround.NationalProceedings && until is null)
            return new Decision.Refused(LifecycleErrors.PostponementPeriodRequired,
                "A postponement under Art 94 is for a period agreed with the Court.",
                [new InvalidElement("until", "required: the end of the period agreed with the Court (Art 94(1))")]);

        // A consultation opened during a postponement returns, when it ends in a new postponement, to the
        // status before the first one.
        var backTo = returnTo == RequestStatus.Postponed
            ? current.StatusBeforePostponement ?? RequestStatus.Acknowledged
            : returnTo;
        return Accept(current,
            current with
            {
                Status = RequestStatus.Postponed,
                StatusBeforePostponement = backTo,
                StatusBeforeConsultation = null,
                PostponementGround = g,
                PostponedUntil = until,
                PendingPostponement = null,
            },
            @event,
            (@event == "consultation-closed" ? "Consultation closed with outcome Postponed; " : "")
            + $"execution postponed on {Article(g)}.");
    }

    private static string Article(PostponementGround ground) => ground switch
    {
        PostponementGround.NeBisInIdemChallenge => "Art 89(2)",
        PostponementGround.NationalProceedings => "Art 94",
        PostponementGround.AdmissibilityChallenge => "Art 95",
        PostponementGround.CompetingRequests => "Art 93(9)(a)",
        _ => "an unknown ground",
    };

    private static Decision ModifyFrom(RequestSnapshot current, Modify c) =>
        When(current, c,
            [RequestStatus.Transmitted, RequestStatus.Delivered, RequestStatus.Acknowledged, RequestStatus.InExecution, RequestStatus.InConsultation],
            () =>
            {
                var problems = Check(current.Kind, c.Input);
                if (problems.Count > 0) return Incomplete(problems);
                var next = current with
                {
                    Status = RequestStatus.Transmitted,
                    Version = current.Version + 1,
                    TransmittedAt = c.At,
                    DeliveredAt = null,
                    AcknowledgedAt = null,
                    StatusBeforeConsultation = null,
                };
                return Accept(current, next, "request-modified",
                    (current.Status == RequestStatus.InConsultation ? "Consultation closed with outcome Modified; " : "")
                    + $"version {next.Version} transmitted.");
            });

    private static Decision RecordConfirmationFrom(RequestSnapshot current, RecordConfirmation c) =>
        When(current, c, PendingStatuses, () =>
        {
            if (!current.OwesConfirmation)
                return new Decision.Refused(LifecycleErrors.ConfirmationNotRequired,
                    current.Kind == RequestKind.ProvisionalArrest
                        ? "A provisional arrest owes no confirmation (Art 92): its follow-up is the surrender request and documents within 60 days (RPE 188)."
                        : "Only an urgent request under Art 91(1) or 96(1) is confirmed through the designated channel.");
            if (current.ConfirmationRecorded)
                return new Decision.Refused(LifecycleErrors.ConfirmationAlreadyRecorded,
                    "The confirmation of this urgent request is already recorded.");
            return Accept(current, current with { ConfirmationRecorded = true }, "confirmation-recorded",
                "Urgent request confirmed through the designated channel (Art 91(1), 96(1)).");
        });

    private static readonly RequestStatus[] PendingStatuses =
        [.. Enum.GetValues<RequestStatus>().Where(s => s.IsPending())];

    private static Decision ReclassifyFrom(RequestSnapshot current, Reclassify c)
    {
        if (c.To == current.Classification)
            return new Decision.Refused(LifecycleErrors.ClassificationUnchanged,
                $"The request is already classified {current.Classification}.");
        if (!Classifications.Unseals(current.Classification, c.To))
            return Accept(current, current with { Classification = c.To }, "request-reclassified",
                $"Classification changed from {current.Classification} to {c.To}.");
        // Unsealing opens the request to a wider class of readers: only on a decision that authorises it.
        if (string.IsNullOrWhiteSpace(c.AuthorisingDecision))
            return new Decision.Refused(LifecycleErrors.AuthorisingDecisionRequired,
                "Unsealing needs the reference of the decision that authorises it.",
                [new InvalidElement("authorisingDecision", "required to unseal: the reference of the authorising decision")]);
        return Accept(current, current with { Classification = c.To, UnsealedByDecision = c.AuthorisingDecision.Trim() },
            "request-unsealed",
            $"Unsealed: classification changed from {current.Classification} to {c.To} on the authorising decision; the requested State is notified.");
    }

    private static IReadOnlyList<InvalidElement> Check(RequestKind kind, CompletenessInput input) =>
        RequestCompleteness.Check(kind, input.Contents, input.Language, input.AcceptedLanguages, input.TranslationLanguage, input.Requirements);

    private static Decision Incomplete(IReadOnlyList<InvalidElement> problems) =>
        new Decision.Refused(LifecycleErrors.RequestIncomplete,
            $"The request is incomplete: {problems.Count} element(s) missing or invalid.", problems);

    private static Decision When(RequestSnapshot current, RequestCommand command, RequestStatus[] allowed, Func<Decision> then) =>
        allowed.Contains(current.Status) ? then() : Illegal(current, command);

    private static Decision.Refused Illegal(RequestSnapshot current, RequestCommand command) =>
        new(LifecycleErrors.IllegalTransition,
            $"A {current.Kind} request in status {current.Status} does not accept {command.GetType().Name}.");

    private static Decision.Accepted Accept(RequestSnapshot from, RequestSnapshot to, string @event, string description) =>
        new(to, new RequestHistoryEntry(@event, from.Status, to.Status, to.Version, description));
}
