using Cooperation.Confidentiality;
using Cooperation.Consultations;
using Cooperation.Requests;
using static Cooperation.Requests.RequestCommand;

namespace Cooperation.Tests.Requests;

public class RequestLifecycleRuleTests
{
    private static Decision.Accepted Accept(RequestSnapshot s, RequestCommand c) =>
        Assert.IsType<Decision.Accepted>(RequestLifecycle.Decide(s, c));

    private static Decision.Refused Refuse(RequestSnapshot s, RequestCommand c) =>
        Assert.IsType<Decision.Refused>(RequestLifecycle.Decide(s, c));

    private static RequestSnapshot Assistance(RequestStatus status, AssistanceMeasure measure = AssistanceMeasure.TakeEvidence) =>
        Samples.In(RequestKind.OtherAssistance, status) with { Measure = measure };

    [Fact]
    public void The_ordinary_path_runs_from_draft_to_executed_with_a_history()
    {
        var s = RequestSnapshot.New(RequestKind.OtherAssistance, measure: AssistanceMeasure.TakeEvidence);
        var events = new List<string>();
        foreach (var command in new RequestCommand[]
        {
            new MarkReady(Samples.Input(RequestKind.OtherAssistance)), new Transmit(Samples.At),
            new RecordDelivered(Samples.At.AddMinutes(1)), new Acknowledge(Samples.At.AddHours(2), "desk"),
            new StartExecution(), new ReportProgress(), new Execute(),
        })
        {
            var accepted = Accept(s, command);
            events.Add(accepted.Entry.Event);
            s = accepted.Snapshot;
        }
        Assert.Equal(RequestStatus.Executed, s.Status);
        Assert.Equal(["request-ready", "request-transmitted", "request-delivered", "request-acknowledged",
            "execution-started", "progress-reported", "request-executed"], events);
        Assert.Equal(Samples.At, s.TransmittedAt);
        Assert.Equal(Samples.At.AddMinutes(1), s.DeliveredAt);
        Assert.Equal(Samples.At.AddHours(2), s.AcknowledgedAt);
    }

    [Fact]
    public void An_incomplete_request_cannot_be_made_ready_and_every_missing_element_is_listed()
    {
        var refused = Refuse(RequestSnapshot.New(RequestKind.Transit),
            new MarkReady(new CompletenessInput(new RequestContents(), "de", Samples.Accepted)));
        Assert.Equal(LifecycleErrors.RequestIncomplete, refused.Code);
        Assert.Equal(["contents.facts", "contents.person.description", "contents.warrant", "language"],
            refused.InvalidElements.Select(e => e.Element).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_acknowledgement_overtaking_the_delivery_receipt_also_records_delivery()
    {
        var s = Accept(Samples.In(RequestKind.Transit, RequestStatus.Transmitted), new Acknowledge(Samples.At, "desk")).Snapshot;
        Assert.Equal(RequestStatus.Acknowledged, s.Status);
        Assert.Equal(Samples.At, s.DeliveredAt);
    }

    // Denial: Art 93(4), 93(5), 93(6)

    [Theory]
    [InlineData(RequestKind.ArrestAndSurrender, DenialGround.NationalSecurity)]
    [InlineData(RequestKind.ArrestAndSurrender, DenialGround.ProhibitedByNationalLaw)]
    [InlineData(RequestKind.ProvisionalArrest, DenialGround.NationalSecurity)]
    [InlineData(RequestKind.ProvisionalArrest, DenialGround.ProhibitedByNationalLaw)]
    [InlineData(RequestKind.ArrestAndSurrender, DenialGround.TransitWouldImpedeSurrender)]
    [InlineData(RequestKind.ProvisionalArrest, DenialGround.TransitWouldImpedeSurrender)]
    public void Art89_1_a_request_to_arrest_and_surrender_cannot_be_denied_on_any_ground(RequestKind kind, DenialGround ground)
    {
        var refused = Refuse(Samples.In(kind, RequestStatus.InExecution), new Deny(ground, "reasons", ConditionsConsidered: true));
        Assert.Equal(LifecycleErrors.DenialNotAllowed, refused.Code);
        Assert.False(RequestLifecycle.MayBeDenied(kind));
    }

    [Fact]
    public void Art89_3_a_transit_may_be_refused_only_where_it_would_impede_or_delay_surrender()
    {
        var transit = Samples.In(RequestKind.Transit, RequestStatus.Acknowledged);
        Assert.True(RequestLifecycle.MayBeDenied(RequestKind.Transit));
        var refused = Accept(transit, new Deny(DenialGround.TransitWouldImpedeSurrender, "Transit would delay the surrender."));
        Assert.Equal(RequestStatus.Denied, refused.Snapshot.Status);
        Assert.Contains("Art 89(3)(a)", refused.Entry.Description);
        foreach (var other in new[] { DenialGround.NationalSecurity, DenialGround.ProhibitedByNationalLaw })
            Assert.Equal(LifecycleErrors.DenialGroundNotApplicable, Refuse(transit, new Deny(other, "reasons", ConditionsConsidered: true)).Code);
        Assert.Equal(LifecycleErrors.DenialGroundNotApplicable,
            Refuse(Assistance(RequestStatus.Acknowledged), new Deny(DenialGround.TransitWouldImpedeSurrender, "reasons")).Code);
        Assert.Equal(LifecycleErrors.ReasonsRequired, Refuse(transit, new Deny(DenialGround.TransitWouldImpedeSurrender, " ")).Code);
    }

    [Fact]
    public void Assistance_may_be_denied_on_national_security_with_reasons()
    {
        var accepted = Accept(Assistance(RequestStatus.InExecution),
            new Deny(DenialGround.NationalSecurity, "Art 72 procedure exhausted.", ConcernsDocumentsOrEvidence: true, Art72StepsTaken: true));
        Assert.Equal(RequestStatus.Denied, accepted.Snapshot.Status);
        Assert.Contains("93(4)", accepted.Entry.Description);
        Assert.True(RequestLifecycle.MayBeDenied(RequestKind.OtherAssistance));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_denial_without_reasons_is_refused(string? reasons)
    {
        var refused = Refuse(Assistance(RequestStatus.InExecution),
            new Deny(DenialGround.NationalSecurity, reasons, ConcernsDocumentsOrEvidence: true, Art72StepsTaken: true));
        Assert.Equal(LifecycleErrors.ReasonsRequired, refused.Code);
        Assert.Equal(["reasons"], refused.InvalidElements.Select(e => e.Element));
    }

    [Fact]
    public void Art93_4_national_security_concerns_documents_or_evidence_only_after_the_Art_72_5_steps()
    {
        var s = Assistance(RequestStatus.InExecution, AssistanceMeasure.SearchAndSeizure);
        var refused = Refuse(s, new Deny(DenialGround.NationalSecurity, "reasons"));
        Assert.Equal(LifecycleErrors.DocumentsOrEvidenceOnly, refused.Code);
        Assert.Equal(["concernsDocumentsOrEvidence", "art72StepsTaken"], refused.InvalidElements.Select(e => e.Element));
        Assert.Equal(LifecycleErrors.Art72StepsRequired,
            Refuse(s, new Deny(DenialGround.NationalSecurity, "reasons", ConcernsDocumentsOrEvidence: true)).Code);
        Assert.True(RequestLifecycle.Decide(s, new Deny(DenialGround.NationalSecurity, "reasons", ConcernsDocumentsOrEvidence: true, Art72StepsTaken: true)).IsAccepted);
    }

    [Fact]
    public void Art72_6_a_national_security_denial_may_withhold_reasons_whose_statement_would_itself_prejudice()
    {
        var s = Assistance(RequestStatus.InExecution, AssistanceMeasure.RecordsAndDocuments);
        var denied = Accept(s, new Deny(DenialGround.NationalSecurity, null,
            ConcernsDocumentsOrEvidence: true, Art72StepsTaken: true, ReasonsWithheld: true));
        Assert.Equal(RequestStatus.Denied, denied.Snapshot.Status);
        Assert.Contains("Art 72(6)", denied.Entry.Description);
        // Only national security may withhold reasons.
        var other = Refuse(Assistance(RequestStatus.InExecution, AssistanceMeasure.OtherAssistance),
            new Deny(DenialGround.ProhibitedByNationalLaw, null, ConditionsConsidered: true, ReasonsWithheld: true));
        Assert.Equal(LifecycleErrors.ReasonsRequired, other.Code);
    }

    [Fact]
    public void Art93_4_a_denial_may_be_partial_and_the_rest_is_executed()
    {
        var partly = Accept(Assistance(RequestStatus.InExecution, AssistanceMeasure.RecordsAndDocuments),
            new Deny(DenialGround.NationalSecurity, "Two files only", Partial: true, ConcernsDocumentsOrEvidence: true, Art72StepsTaken: true));
        Assert.Equal("request-partly-denied", partly.Entry.Event);
        Assert.Equal(RequestStatus.InExecution, partly.Snapshot.Status);
        Assert.True(partly.Snapshot.PartlyDenied);
        Assert.Equal(RequestStatus.PartiallyExecuted, Accept(partly.Snapshot, new Execute(Partial: true)).Snapshot.Status);
        Assert.Equal(LifecycleErrors.DenialGroundNotApplicable, Refuse(Samples.In(RequestKind.Transit, RequestStatus.InExecution),
            new Deny(DenialGround.TransitWouldImpedeSurrender, "delay", Partial: true)).Code);
    }

    [Fact]
    public void Art93_7_a_temporary_transfer_without_consent_may_be_refused()
    {
        var transfer = Assistance(RequestStatus.Acknowledged, AssistanceMeasure.TemporaryTransfer);
        var denied = Accept(transfer, new Deny(DenialGround.NoConsentToTemporaryTransfer, "The person does not consent."));
        Assert.Contains("Art 93(7)", denied.Entry.Description);
        Assert.Equal(LifecycleErrors.DenialGroundNotApplicable,
            Refuse(Assistance(RequestStatus.Acknowledged), new Deny(DenialGround.NoConsentToTemporaryTransfer, "no consent")).Code);
    }

    [Fact]
    public void Art93_1_e_a_witness_who_declines_to_appear_is_recorded_as_such()
    {
        var appearance = Assistance(RequestStatus.InExecution, AssistanceMeasure.VoluntaryAppearance);
        Assert.Contains("Art 93(1)(e)", Accept(appearance, new Deny(DenialGround.AppearanceNotVoluntary, "The witness declined.")).Entry.Description);
        Assert.Equal(LifecycleErrors.DenialGroundNotApplicable,
            Refuse(Assistance(RequestStatus.InExecution), new Deny(DenialGround.AppearanceNotVoluntary, "declined")).Code);
    }

    [Fact]
    public void Art73_third_party_information_is_refused_only_after_the_originator_was_asked()
    {
        var s = Assistance(RequestStatus.InExecution, AssistanceMeasure.RecordsAndDocuments);
        Assert.Equal(LifecycleErrors.OriginatorConsentNotSought,
            Refuse(s, new Deny(DenialGround.ThirdPartyOriginatorRefused, "confidential")).Code);
        Assert.Contains("Art 73", Accept(s, new Deny(DenialGround.ThirdPartyOriginatorRefused, "The originator refused.",
            OriginatorConsentSought: true)).Entry.Description);
    }

    [Fact]
    public void A_denial_without_ground_or_reasons_names_both()
    {
        var refused = Refuse(Assistance(RequestStatus.Acknowledged), new Deny(null, null));
        Assert.Equal(LifecycleErrors.DenialGroundRequired, refused.Code);
        Assert.Equal(["ground", "reasons"], refused.InvalidElements.Select(e => e.Element));
    }

    [Fact]
    public void An_undefined_denial_ground_counts_as_none()
    {
        var refused = Refuse(Assistance(RequestStatus.Acknowledged), new Deny((DenialGround)42, "reasons"));
        Assert.Equal(LifecycleErrors.DenialGroundRequired, refused.Code);
    }

    [Theory]
    [MemberData(nameof(MeasuresOtherThanL))]
    public void Art_93_5_applies_only_to_l_assistance(AssistanceMeasure measure)
    {
        var refused = Refuse(Assistance(RequestStatus.InExecution, measure),
            new Deny(DenialGround.ProhibitedByNationalLaw, "prohibited", ConditionsConsidered: true));
        Assert.Equal(LifecycleErrors.DenialGroundNotApplicable, refused.Code);
    }

    public static TheoryData<AssistanceMeasure> MeasuresOtherThanL() =>
        new(Enum.GetValues<AssistanceMeasure>().Where(m => m != AssistanceMeasure.OtherAssistance));

    [Fact]
    public void L_assistance_is_denied_under_93_5_only_after_conditions_were_considered()
    {
        var s = Assistance(RequestStatus.InConsultation, AssistanceMeasure.OtherAssistance);
        Assert.Equal(LifecycleErrors.ConditionsNotConsidered,
            Refuse(s, new Deny(DenialGround.ProhibitedByNationalLaw, "prohibited")).Code);
        var accepted = Accept(s, new Deny(DenialGround.ProhibitedByNationalLaw, "prohibited", ConditionsConsidered: true));
        Assert.Equal(RequestStatus.Denied, accepted.Snapshot.Status);
        Assert.Null(accepted.Snapshot.StatusBeforeConsultation);
    }

    // Postponement: Art 89(2), 94, 95

    public static TheoryData<RequestKind, PostponementGround, bool> PostponementApplicability()
    {
        var data = new TheoryData<RequestKind, PostponementGround, bool>();
        foreach (var kind in Samples.Kinds)
            foreach (var ground in Enum.GetValues<PostponementGround>())
                data.Add(kind, ground, (kind, ground) switch
                {
                    (RequestKind.ArrestAndSurrender, PostponementGround.NeBisInIdemChallenge) => true,
                    (RequestKind.OtherAssistance, PostponementGround.NationalProceedings or PostponementGround.CompetingRequests) => true,
                    (_, PostponementGround.AdmissibilityChallenge) => true,
                    _ => false,
                });
        return data;
    }

    [Theory]
    [MemberData(nameof(PostponementApplicability))]
    public void Each_postponement_ground_applies_to_its_kinds_only(RequestKind kind, PostponementGround ground, bool applies)
    {
        var decision = RequestLifecycle.Decide(Samples.In(kind, RequestStatus.InConsultation), new Postpone(ground, Samples.At.AddDays(90)));
        Assert.Equal(applies, RequestLifecycle.PostponementApplies(ground, kind));
        if (!applies)
        {
            Assert.Equal(LifecycleErrors.PostponementGroundNotApplicable, Assert.IsType<Decision.Refused>(decision).Code);
            return;
        }
        var accepted = Assert.IsType<Decision.Accepted>(decision);
        if (ground == PostponementGround.NationalProceedings)
        {
            // Art 94: a proposal, not yet a postponement.
            Assert.Equal(RequestStatus.InConsultation, accepted.Snapshot.Status);
            Assert.Equal(ground, accepted.Snapshot.PendingPostponement!.Ground);
            return;
        }
        Assert.Equal(RequestStatus.Postponed, accepted.Snapshot.Status);
        Assert.Equal(ground, accepted.Snapshot.PostponementGround);
        Assert.Equal(RequestStatus.InExecution, accepted.Snapshot.StatusBeforePostponement);
    }

    [Fact]
    public void A_postponement_without_ground_is_refused()
    {
        Assert.Equal(LifecycleErrors.PostponementGroundRequired,
            Refuse(Assistance(RequestStatus.InExecution), new Postpone(null)).Code);
        Assert.Equal(LifecycleErrors.PostponementGroundRequired,
            Refuse(Assistance(RequestStatus.InConsultation), new CloseConsultation(ConsultationOutcome.Postponed)).Code);
    }

    [Fact]
    public void Art94_a_postponement_proposal_needs_its_period()
    {
        var refused = Refuse(Assistance(RequestStatus.InExecution), new Postpone(PostponementGround.NationalProceedings));
        Assert.Equal(LifecycleErrors.PostponementPeriodRequired, refused.Code);
    }

    [Fact]
    public void Art94_the_period_is_agreed_with_the_Court_pending_until_the_issuing_organ_accepts()
    {
        var until = Samples.At.AddDays(60);
        var proposed = Accept(Assistance(RequestStatus.InExecution), new Postpone(PostponementGround.NationalProceedings, until, ConditionsConsidered: true));
        Assert.Equal("postponement-proposed", proposed.Entry.Event);
        Assert.Equal(RequestStatus.InExecution, proposed.Snapshot.Status);
        Assert.False(DutyToExecute.Suspended(proposed.Snapshot));
        Assert.Equal(new PostponementProposal(PostponementGround.NationalProceedings, until, Party.RequestedState), proposed.Snapshot.PendingPostponement);
        // Execution goes on while the period is not agreed.
        Assert.True(RequestLifecycle.Decide(proposed.Snapshot, new ReportProgress()).IsAccepted);
        // The State cannot agree its own proposal.
        Assert.Equal(LifecycleErrors.OwnProposal, Refuse(proposed.Snapshot, new AgreePostponement(Party.RequestedState)).Code);

        var agreed = Accept(proposed.Snapshot, new AgreePostponement(Party.IssuingOrgan));
        Assert.Equal("postponement-agreed", agreed.Entry.Event);
        Assert.Equal(RequestStatus.Postponed, agreed.Snapshot.Status);
        Assert.Equal(until, agreed.Snapshot.PostponedUntil);
        Assert.Null(agreed.Snapshot.PendingPostponement);
        Assert.Equal(RequestStatus.InExecution, agreed.Snapshot.StatusBeforePostponement);
    }

    [Fact]
    public void Art94_the_issuing_organ_may_propose_another_period_which_the_State_then_agrees()
    {
        var proposed = Accept(Assistance(RequestStatus.Acknowledged), new Postpone(PostponementGround.NationalProceedings, Samples.At.AddDays(180))).Snapshot;
        var shorter = Samples.At.AddDays(45);
        var countered = Accept(proposed, new ProposePostponementPeriod(shorter, Party.IssuingOrgan));
        Assert.Equal(Party.IssuingOrgan, countered.Snapshot.PendingPostponement!.ProposedBy);
        Assert.Equal(RequestStatus.Acknowledged, countered.Snapshot.Status);
        Assert.Equal(LifecycleErrors.OwnProposal, Refuse(countered.Snapshot, new AgreePostponement(Party.IssuingOrgan)).Code);
        var agreed = Accept(countered.Snapshot, new AgreePostponement(Party.RequestedState)).Snapshot;
        Assert.Equal(RequestStatus.Postponed, agreed.Status);
        Assert.Equal(shorter, agreed.PostponedUntil);
    }

    [Theory]
    [InlineData(true, "it considered giving the assistance at once on conditions")]
    [InlineData(false, "did not record considering")]
    public void Art94_1_whether_conditions_were_considered_is_recorded(bool considered, string said)
    {
        var proposed = Accept(Assistance(RequestStatus.InExecution),
            new Postpone(PostponementGround.NationalProceedings, Samples.At.AddDays(30), ConditionsConsidered: considered));
        Assert.Equal(considered, proposed.Snapshot.PostponementConditionsConsidered);
        Assert.Contains(said, proposed.Entry.Description);
        Assert.Contains("Art 94(1)", proposed.Entry.Description);
    }

    [Fact]
    public void Art94_2_the_Prosecutor_may_seek_preservation_measures_during_an_Art_94_postponement()
    {
        var proposed = Accept(Assistance(RequestStatus.InExecution), new Postpone(PostponementGround.NationalProceedings, Samples.At.AddDays(30))).Snapshot;
        var postponed = Accept(proposed, new AgreePostponement(Party.IssuingOrgan)).Snapshot;
        var sought = Accept(postponed, new SeekPreservationMeasures(Cooperation.Organs.Organ.Prosecutor));
        Assert.True(sought.Snapshot.PreservationMeasuresSought);
        Assert.Equal(RequestStatus.Postponed, sought.Snapshot.Status);
        Assert.Contains("Art 94(2)", sought.Entry.Description);
        Assert.Equal(LifecycleErrors.PreservationNotApplicable,
            Refuse(postponed, new SeekPreservationMeasures(Cooperation.Organs.Organ.Registry)).Code);
        Assert.Equal(LifecycleErrors.PreservationNotApplicable,
            Refuse(Assistance(RequestStatus.Postponed), new SeekPreservationMeasures(Cooperation.Organs.Organ.Prosecutor)).Code);
    }

    [Fact]
    public void Art89_2_a_postponement_follows_a_consultation_and_ends_with_the_admissibility_ruling()
    {
        var surrender = Samples.In(RequestKind.ArrestAndSurrender, RequestStatus.InExecution);
        Assert.Equal(LifecycleErrors.ConsultationRequired, Refuse(surrender, new Postpone(PostponementGround.NeBisInIdemChallenge)).Code);
        var consulting = Accept(surrender, new OpenConsultation()).Snapshot;
        var postponed = Accept(consulting, new Postpone(PostponementGround.NeBisInIdemChallenge)).Snapshot;
        Assert.Equal(RequestStatus.Postponed, postponed.Status);
        var admissible = Accept(postponed, new RecordAdmissibilityRuling(Admissible: true));
        Assert.Equal(RequestStatus.InExecution, admissible.Snapshot.Status);
        Assert.Contains("Art 89(2)", admissible.Entry.Description);
        Assert.Equal(RequestStatus.Withdrawn, Accept(postponed, new RecordAdmissibilityRuling(Admissible: false)).Snapshot.Status);
    }

    [Fact]
    public void Art95_no_postponement_where_the_Court_ordered_that_evidence_collection_continue()
    {
        var ordered = Accept(Assistance(RequestStatus.InExecution), new RecordEvidenceCollectionOrder()).Snapshot;
        Assert.Equal(LifecycleErrors.EvidenceCollectionOrdered, Refuse(ordered, new Postpone(PostponementGround.AdmissibilityChallenge)).Code);
        Assert.True(RequestLifecycle.Decide(Assistance(RequestStatus.InExecution), new Postpone(PostponementGround.AdmissibilityChallenge)).IsAccepted);
    }

    [Fact]
    public void Art94_2_the_measures_sought_are_recorded_with_the_request()
    {
        var proposed = Accept(Assistance(RequestStatus.InExecution), new Postpone(PostponementGround.NationalProceedings, Samples.At.AddDays(30))).Snapshot;
        var sought = Accept(proposed, new SeekPreservationMeasures(Cooperation.Organs.Organ.Prosecutor, " Seal the archive room "));
        Assert.Equal("Seal the archive room", sought.Snapshot.PreservationMeasures);
        Assert.DoesNotContain("archive", sought.Entry.Description);
    }

    [Fact]
    public void Art95_and_89_2_the_order_and_the_ruling_are_recorded_with_their_references()
    {
        var ordered = Accept(Assistance(RequestStatus.InExecution), new RecordEvidenceCollectionOrder(" ICC-01/99-01/26-90 ")).Snapshot;
        Assert.Equal("ICC-01/99-01/26-90", ordered.EvidenceCollectionOrderReference);
        var postponed = Accept(Samples.In(RequestKind.ArrestAndSurrender, RequestStatus.InExecution),
            new Postpone(PostponementGround.AdmissibilityChallenge)).Snapshot;
        var ruled = Accept(postponed, new RecordAdmissibilityRuling(Admissible: true, "ICC-01/99-01/26-91"));
        Assert.Equal("ICC-01/99-01/26-91", ruled.Snapshot.AdmissibilityRulingReference);
        Assert.Contains("Art 95", ruled.Entry.Description);
    }

    [Fact]
    public void Art93_9_a_competing_requests_for_assistance_may_postpone_one_of_them()
    {
        var postponed = Accept(Assistance(RequestStatus.InExecution), new Postpone(PostponementGround.CompetingRequests));
        Assert.Equal(RequestStatus.Postponed, postponed.Snapshot.Status);
        Assert.Contains("Art 93(9)(a)", postponed.Entry.Description);
    }

    [Fact]
    public void Resume_after_a_postponement_returns_to_the_status_before_it()
    {
        var postponed = Accept(Assistance(RequestStatus.Acknowledged), new Postpone(PostponementGround.AdmissibilityChallenge)).Snapshot;
        var resumed = Accept(postponed, new Resume()).Snapshot;
        Assert.Equal(RequestStatus.Acknowledged, resumed.Status);
        Assert.Null(resumed.StatusBeforePostponement);
        Assert.Null(resumed.PostponementGround);
    }

    // Consultation: Art 97

    [Theory]
    [InlineData(RequestStatus.Delivered)]
    [InlineData(RequestStatus.Acknowledged)]
    [InlineData(RequestStatus.InExecution)]
    [InlineData(RequestStatus.Postponed)]
    public void A_consultation_returns_to_the_status_it_interrupted(RequestStatus before)
    {
        var open = Accept(Assistance(before), new OpenConsultation()).Snapshot;
        Assert.Equal(RequestStatus.InConsultation, open.Status);
        Assert.Equal(before, open.StatusBeforeConsultation);
        Assert.Equal(before, Accept(open, new Resume()).Snapshot.Status);
        Assert.Equal(before, Accept(open, new CloseConsultation(ConsultationOutcome.Resumed)).Snapshot.Status);
    }

    [Fact]
    public void A_consultation_during_a_postponement_that_ends_in_a_new_postponement_returns_to_the_first_status()
    {
        var proposed = Accept(Assistance(RequestStatus.Acknowledged), new Postpone(PostponementGround.NationalProceedings, Samples.At.AddDays(30))).Snapshot;
        var postponed = Accept(proposed, new AgreePostponement(Party.IssuingOrgan)).Snapshot;
        var consulting = Accept(postponed, new OpenConsultation()).Snapshot;
        var extended = Accept(consulting, new CloseConsultation(ConsultationOutcome.Postponed, PostponementGround.NationalProceedings, Samples.At.AddDays(90))).Snapshot;
        Assert.Equal(RequestStatus.Postponed, extended.Status);
        Assert.Equal(RequestStatus.Acknowledged, extended.StatusBeforePostponement);
        Assert.Equal(Samples.At.AddDays(90), extended.PostponedUntil);
        Assert.Equal(RequestStatus.Acknowledged, Accept(extended, new Resume()).Snapshot.Status);
    }

    [Theory]
    [MemberData(nameof(KindsData))]
    public void Art97_consultation_never_suspends_the_duty_to_execute(RequestKind kind)
    {
        var consulting = Samples.In(kind, RequestStatus.InConsultation);
        Assert.False(DutyToExecute.SuspendedByConsultation);
        Assert.False(DutyToExecute.Suspended(consulting));
        var progress = Accept(consulting, new ReportProgress());
        Assert.Equal(RequestStatus.InConsultation, progress.Snapshot.Status);
        Assert.Equal(RequestStatus.Executed, Accept(consulting, new Execute()).Snapshot.Status);
        Assert.Equal(RequestStatus.PartiallyExecuted, Accept(consulting, new Execute(Partial: true)).Snapshot.Status);
    }

    public static TheoryData<RequestKind> KindsData() => new(Samples.Kinds);

    [Theory]
    [MemberData(nameof(KindsData))]
    public void Art97_execution_may_start_while_a_consultation_opened_before_it_is_open(RequestKind kind)
    {
        var consulting = Accept(Samples.In(kind, RequestStatus.Acknowledged), new OpenConsultation()).Snapshot;
        var started = Accept(consulting, new StartExecution());
        Assert.Equal(RequestStatus.InConsultation, started.Snapshot.Status);
        Assert.Equal(RequestStatus.InExecution, started.Snapshot.StatusBeforeConsultation);
        Assert.Contains("Art 97", started.Entry.Description);
        Assert.Equal(RequestStatus.InExecution, Accept(started.Snapshot, new CloseConsultation(ConsultationOutcome.Resumed)).Snapshot.Status);
    }

    [Theory]
    [InlineData(PostponementGround.AdmissibilityChallenge)]
    [InlineData(PostponementGround.NationalProceedings)]
    public void Art97_only_an_accepted_postponement_suspends_execution(PostponementGround ground)
    {
        var postponed = Accept(Assistance(RequestStatus.InConsultation),
            new CloseConsultation(ConsultationOutcome.Postponed, ground, Samples.At.AddDays(30))).Snapshot;
        Assert.True(DutyToExecute.Suspended(postponed));
        Assert.Equal(LifecycleErrors.IllegalTransition, Refuse(postponed, new ReportProgress()).Code);
    }

    [Theory]
    [MemberData(nameof(KindsData))]
    public void Art97_the_duty_statement_says_consultation_suspends_nothing_citing_the_Statute_and_Hungary_2025(RequestKind kind)
    {
        var statement = DutyToExecute.WhileConsulting(kind, [ConsultationGround.InsufficientInformation]);
        Assert.Contains("NOT suspended", statement);
        Assert.Contains("Art 97", statement);
        Assert.Contains("Hungary, 2025", statement);
        Assert.Contains("89(2), 93(9)(a), 94 or 95", statement);
        Assert.DoesNotContain("South Africa", statement);
    }

    [Fact]
    public void Art93_3_the_barred_measure_waits_for_the_modified_request_and_the_rest_goes_on()
    {
        var statement = DutyToExecute.WhileConsulting(RequestKind.OtherAssistance, [ConsultationGround.FundamentalPrinciple]);
        Assert.Contains("NOT suspended", statement);
        Assert.Contains("Art 93(3)", statement);
        Assert.DoesNotContain("Art 93(3)", DutyToExecute.WhileConsulting(RequestKind.OtherAssistance, [ConsultationGround.Other]));
    }

    [Fact]
    public void Art98_an_immunity_consultation_carries_the_Mongolia_2024_holding()
    {
        var statement = DutyToExecute.WhileConsulting(RequestKind.ArrestAndSurrender, [ConsultationGround.Immunity]);
        Assert.Contains("not opposable", statement);
        Assert.Contains("no waiver is required", statement);
        Assert.Contains("Mongolia, 24 October 2024", statement);
        Assert.DoesNotContain("Mongolia", DutyToExecute.WhileConsulting(RequestKind.ArrestAndSurrender, [ConsultationGround.PersonNotLocated]));
    }

    [Fact]
    public void Redirection_under_93_9_b_ends_the_request_here()
    {
        var accepted = Accept(Assistance(RequestStatus.InConsultation), new CloseConsultation(ConsultationOutcome.Redirected));
        Assert.Equal(RequestStatus.Withdrawn, accepted.Snapshot.Status);
        Assert.Contains("93(9)(b)", accepted.Entry.Description);
    }

    [Fact]
    public void Withdrawing_during_a_consultation_ends_it()
    {
        var accepted = Accept(Samples.In(RequestKind.ArrestAndSurrender, RequestStatus.InConsultation), new Withdraw());
        Assert.Equal(RequestStatus.Withdrawn, accepted.Snapshot.Status);
        Assert.Null(accepted.Snapshot.StatusBeforeConsultation);
        Assert.Contains("Withdrawn", accepted.Entry.Description);
    }

    // Modification: a new version

    [Fact]
    public void Modify_sends_a_new_version_back_to_transmitted_and_closes_the_consultation()
    {
        var s = Samples.In(RequestKind.ArrestAndSurrender, RequestStatus.InConsultation) with
        {
            Version = 3, DeliveredAt = Samples.At.AddDays(-9), AcknowledgedAt = Samples.At.AddDays(-8),
        };
        var accepted = Accept(s, new Modify(Samples.At, Samples.Input(RequestKind.ArrestAndSurrender)));
        Assert.Equal(RequestStatus.Transmitted, accepted.Snapshot.Status);
        Assert.Equal(4, accepted.Snapshot.Version);
        Assert.Equal(4, accepted.Entry.Version);
        Assert.Equal(Samples.At, accepted.Snapshot.TransmittedAt);
        Assert.Null(accepted.Snapshot.DeliveredAt);
        Assert.Null(accepted.Snapshot.AcknowledgedAt);
        Assert.Null(accepted.Snapshot.StatusBeforeConsultation);
        Assert.Contains("Modified", accepted.Entry.Description);
    }

    [Fact]
    public void An_incomplete_modification_is_refused()
    {
        var refused = Refuse(Samples.In(RequestKind.ArrestAndSurrender, RequestStatus.InExecution),
            new Modify(Samples.At, new CompletenessInput(new RequestContents(), "fr", Samples.Accepted)));
        Assert.Equal(LifecycleErrors.RequestIncomplete, refused.Code);
        Assert.Contains(refused.InvalidElements, e => e.Element == "contents.warrant");
    }

    [Fact]
    public void A_command_for_an_older_version_is_refused_as_stale()
    {
        var s = Samples.In(RequestKind.Transit, RequestStatus.Delivered) with { Version = 2 };
        Assert.Equal(LifecycleErrors.StaleVersion, Refuse(s, new Acknowledge(Samples.At, "desk") { ForVersion = 1 }).Code);
        Assert.Equal(2, Accept(s, new Acknowledge(Samples.At, "desk") { ForVersion = 2 }).Snapshot.Version);
    }

    // Urgent requests: Art 91(1), 96(1)

    [Fact]
    public void Art92_a_provisional_arrest_is_urgent_but_owes_no_confirmation()
    {
        var ready = RequestSnapshot.New(RequestKind.ProvisionalArrest) with { Status = RequestStatus.Ready };
        Assert.True(ready.Urgent);
        Assert.False(ready.OwesConfirmation);
        var sent = Accept(ready, new Transmit(Samples.At));
        Assert.False(sent.Snapshot.ConfirmationDue);
        Assert.Contains("RPE 188", sent.Entry.Description);
        Assert.Contains("no confirmation", sent.Entry.Description);
        var refused = Refuse(sent.Snapshot, new RecordConfirmation(Samples.At.AddDays(1)));
        Assert.Equal(LifecycleErrors.ConfirmationNotRequired, refused.Code);
        Assert.Contains("RPE 188", refused.Message);
    }

    [Theory]
    [InlineData(RequestKind.ArrestAndSurrender, true)]
    [InlineData(RequestKind.OtherAssistance, true)]
    [InlineData(RequestKind.ProvisionalArrest, false)]
    [InlineData(RequestKind.Transit, false)]
    public void Art91_1_and_96_1_only_urgent_surrender_and_assistance_requests_owe_a_confirmation(RequestKind kind, bool owes)
    {
        var ready = RequestSnapshot.New(kind, urgent: true) with { Status = RequestStatus.Ready };
        var sent = Accept(ready, new Transmit(Samples.At));
        Assert.Equal(owes, sent.Snapshot.ConfirmationDue);
        Assert.Equal(owes, RequestLifecycle.Decide(sent.Snapshot, new RecordConfirmation(Samples.At)).IsAccepted);
    }

    [Fact]
    public void Art91_1_an_urgent_surrender_request_is_confirmed_once()
    {
        var sent = Accept(RequestSnapshot.New(RequestKind.ArrestAndSurrender, urgent: true) with { Status = RequestStatus.Ready },
            new Transmit(Samples.At));
        Assert.True(sent.Snapshot.ConfirmationDue);
        Assert.Contains("Art 91(1), 96(1)", sent.Entry.Description);
        var confirmed = Accept(sent.Snapshot, new RecordConfirmation(Samples.At.AddDays(1))).Snapshot;
        Assert.False(confirmed.ConfirmationDue);
        Assert.Equal(RequestStatus.Transmitted, confirmed.Status);
        Assert.Equal(LifecycleErrors.ConfirmationAlreadyRecorded, Refuse(confirmed, new RecordConfirmation(Samples.At)).Code);
    }

    [Fact]
    public void Any_request_marked_urgent_owes_a_confirmation()
    {
        var ready = RequestSnapshot.New(RequestKind.OtherAssistance, urgent: true) with { Status = RequestStatus.Ready };
        var sent = Accept(ready, new Transmit(Samples.At)).Snapshot;
        Assert.True(sent.ConfirmationDue);
        Assert.True(Accept(sent, new RecordConfirmation(Samples.At)).Snapshot.ConfirmationRecorded);
    }

    [Fact]
    public void A_request_not_urgent_owes_no_confirmation()
    {
        var sent = Samples.In(RequestKind.ArrestAndSurrender, RequestStatus.Transmitted);
        Assert.False(sent.ConfirmationDue);
        Assert.Equal(LifecycleErrors.ConfirmationNotRequired, Refuse(sent, new RecordConfirmation(Samples.At)).Code);
    }

    [Fact]
    public void A_closed_urgent_request_no_longer_shows_a_confirmation_due()
    {
        var executed = Samples.In(RequestKind.ArrestAndSurrender, RequestStatus.Executed) with { Urgent = true };
        Assert.True(executed.OwesConfirmation);
        Assert.False(executed.ConfirmationDue);
    }

    // Reclassification

    [Fact]
    public void Unsealing_needs_the_authorising_decision_and_is_recorded_as_such_even_after_the_request_closed()
    {
        var sealedExecuted = Samples.In(RequestKind.ArrestAndSurrender, RequestStatus.Executed) with { Classification = Classification.UnderSeal };
        var refused = Refuse(sealedExecuted, new Reclassify(Classification.Public));
        Assert.Equal(LifecycleErrors.AuthorisingDecisionRequired, refused.Code);
        Assert.Equal(["authorisingDecision"], refused.InvalidElements.Select(e => e.Element));

        var accepted = Accept(sealedExecuted, new Reclassify(Classification.Public, "ICC-01/99-01/26-40"));
        Assert.Equal(Classification.Public, accepted.Snapshot.Classification);
        Assert.Equal("ICC-01/99-01/26-40", accepted.Snapshot.UnsealedByDecision);
        Assert.Equal("request-unsealed", accepted.Entry.Event);
        Assert.Contains("State is notified", accepted.Entry.Description);
        Assert.Equal(RequestStatus.Executed, accepted.Entry.To);
    }

    [Theory]
    [InlineData(Classification.UnderSeal, Classification.Confidential, true)]
    [InlineData(Classification.UnderSeal, Classification.Public, true)]
    [InlineData(Classification.UnderSeal, Classification.ExParte, false)]
    [InlineData(Classification.Confidential, Classification.Public, false)]
    [InlineData(Classification.ExParte, Classification.Public, false)]
    [InlineData(Classification.Public, Classification.UnderSeal, false)]
    public void Unsealed_is_logged_only_when_a_request_leaves_UnderSeal_for_a_wider_class(Classification from, Classification to, bool unseals)
    {
        Assert.Equal(unseals, Classifications.Unseals(from, to));
        var s = Samples.In(RequestKind.ArrestAndSurrender, RequestStatus.InExecution) with { Classification = from };
        var accepted = Accept(s, new Reclassify(to, "ICC-01/99-01/26-41"));
        Assert.Equal(unseals ? "request-unsealed" : "request-reclassified", accepted.Entry.Event);
        Assert.Equal(unseals ? "ICC-01/99-01/26-41" : null, accepted.Snapshot.UnsealedByDecision);
    }

    [Fact]
    public void Other_reclassifications_are_recorded_and_no_change_is_refused()
    {
        var s = Samples.In(RequestKind.OtherAssistance, RequestStatus.InExecution);
        Assert.Equal("request-reclassified", Accept(s, new Reclassify(Classification.ExParte)).Entry.Event);
        Assert.Equal(LifecycleErrors.ClassificationUnchanged, Refuse(s, new Reclassify(s.Classification)).Code);
    }

    // Messages carry no content

    [Fact]
    public void Refusal_messages_and_history_carry_no_request_content()
    {
        var contents = new RequestContents { Person = new PersonParticulars { Name = Samples.SecretName } };
        var texts = new List<string>();
        foreach (var kind in Samples.Kinds)
            foreach (var status in Samples.Statuses)
                foreach (var command in new RequestCommand[]
                {
                    new MarkReady(new CompletenessInput(contents, Samples.SecretName, [])),
                    new Modify(Samples.At, new CompletenessInput(contents, Samples.SecretName, [])),
                    new Deny(DenialGround.NationalSecurity, Samples.SecretName),
                    new Acknowledge(Samples.At, Samples.SecretName),
                })
                {
                    switch (RequestLifecycle.Decide(Samples.In(kind, status), command))
                    {
                        case Decision.Refused r:
                            texts.Add(r.Message);
                            texts.AddRange(r.InvalidElements.Select(e => e.Element + " " + e.Problem));
                            break;
                        case Decision.Accepted a:
                            texts.Add(a.Entry.Description);
                            break;
                    }
                }
        Assert.NotEmpty(texts);
        Assert.All(texts, t => Assert.DoesNotContain("Zebulon", t));
    }

    [Theory]
    [InlineData(typeof(MarkReady), Party.IssuingOrgan)]
    [InlineData(typeof(Transmit), Party.IssuingOrgan)]
    [InlineData(typeof(Modify), Party.IssuingOrgan)]
    [InlineData(typeof(Withdraw), Party.IssuingOrgan)]
    [InlineData(typeof(RecordConfirmation), Party.IssuingOrgan)]
    [InlineData(typeof(Reclassify), Party.IssuingOrgan)]
    [InlineData(typeof(RecordDelivered), Party.RequestedState)]
    [InlineData(typeof(Acknowledge), Party.RequestedState)]
    [InlineData(typeof(StartExecution), Party.RequestedState)]
    [InlineData(typeof(ReportProgress), Party.RequestedState)]
    [InlineData(typeof(Execute), Party.RequestedState)]
    [InlineData(typeof(Deny), Party.RequestedState)]
    [InlineData(typeof(Postpone), Party.RequestedState)]
    [InlineData(typeof(Resume), Party.Either)]
    [InlineData(typeof(OpenConsultation), Party.Either)]
    [InlineData(typeof(CloseConsultation), Party.Either)]
    [InlineData(typeof(ProposePostponementPeriod), Party.Either)]
    [InlineData(typeof(AgreePostponement), Party.Either)]
    [InlineData(typeof(SeekPreservationMeasures), Party.IssuingOrgan)]
    [InlineData(typeof(RecordAdmissibilityRuling), Party.IssuingOrgan)]
    [InlineData(typeof(RecordEvidenceCollectionOrder), Party.IssuingOrgan)]
    public void Each_command_names_the_side_that_may_issue_it(Type commandType, Party party)
    {
        var command = (RequestCommand)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(commandType);
        Assert.Equal(party, command.IssuedBy);
    }
}
