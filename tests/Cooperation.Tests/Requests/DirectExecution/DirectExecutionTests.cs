using Cooperation.Organs;
using Cooperation.Requests;
using Cooperation.Requests.DirectExecution;
using static Cooperation.Requests.RequestCommand;

namespace Cooperation.Tests.Requests.DirectExecution;

public class DirectExecutionTests
{
    private static readonly DirectExecutionPlan Voluntary = new(
        new DateOnly(2026, 5, 4), NoCompulsoryMeasures: true, WithoutStateAuthorities: false, AbsenceOfAuthoritiesEssential: false,
        PublicSiteUnmodified: false, CrimeAllegedOnTerritory: false, AdmissibilityDecision: null, StateConditions: null);

    // Samples' assistance request takes evidence (Art 93(1)(b)).
    private static RequestSnapshot Assistance(AssistanceMeasure measure = AssistanceMeasure.TakeEvidence) =>
        Samples.In(RequestKind.OtherAssistance, RequestStatus.InExecution) with { Measure = measure };

    [Fact]
    public void Art99_4_a_on_the_territorial_State_after_an_admissibility_determination_and_all_possible_consultations()
    {
        var plan = Voluntary with { CrimeAllegedOnTerritory = true, AdmissibilityDecision = " ICC-01/99-01/26-95 " };
        var accepted = Assert.IsType<Decision.Accepted>(RequestLifecycle.Decide(Assistance(), new RecordDirectExecution(plan, Organ.Prosecutor, ConsultationsHeld: true)));
        var record = Assert.Single(accepted.Snapshot.DirectExecutions);
        Assert.Equal(DirectExecutionCase.TerritorialStateAfterAdmissibility, record.Case);
        Assert.Equal("ICC-01/99-01/26-95", record.Plan.AdmissibilityDecision);
        Assert.Equal(RequestStatus.InExecution, accepted.Snapshot.Status);
        Assert.Contains("Art 99(4)(a)", accepted.Entry.Description);
    }

    [Fact]
    public void Art99_4_b_in_other_cases_after_consultations_and_subject_to_the_States_reasonable_conditions()
    {
        // The territorial State without an admissibility determination is an "other case" too.
        var plan = Voluntary with { CrimeAllegedOnTerritory = true, StateConditions = "A liaison officer attends" };
        Assert.Equal(DirectExecutionCase.AfterConsultationsSubjectToConditions, DirectExecutionRules.CaseFor(plan));
        var accepted = Assert.IsType<Decision.Accepted>(RequestLifecycle.Decide(Assistance(), new RecordDirectExecution(plan, Organ.Prosecutor, ConsultationsHeld: true)));
        Assert.Equal("A liaison officer attends", accepted.Snapshot.DirectExecutions.Single().Plan.StateConditions);
        Assert.Contains("Art 99(4)(b)", accepted.Entry.Description);
        Assert.DoesNotContain("liaison", accepted.Entry.Description);
    }

    [Fact]
    public void Art99_4_direct_execution_follows_consultations_with_the_requested_State()
    {
        var refused = Assert.IsType<Decision.Refused>(RequestLifecycle.Decide(Assistance(), new RecordDirectExecution(Voluntary, Organ.Prosecutor, ConsultationsHeld: false)));
        Assert.Equal(LifecycleErrors.ConsultationRequired, refused.Code);
        Assert.Contains("Art 99(4)(b)", refused.Message);
    }

    [Fact]
    public void Art99_4_is_the_Prosecutors_for_assistance_only()
    {
        Assert.Equal(LifecycleErrors.DirectExecutionNotApplicable, Assert.IsType<Decision.Refused>(
            RequestLifecycle.Decide(Assistance(), new RecordDirectExecution(Voluntary, Organ.Registry, true))).Code);
        Assert.Equal(LifecycleErrors.DirectExecutionNotApplicable, Assert.IsType<Decision.Refused>(
            RequestLifecycle.Decide(Samples.In(RequestKind.ArrestAndSurrender, RequestStatus.InExecution), new RecordDirectExecution(Voluntary, Organ.Prosecutor, true))).Code);
    }

    [Fact]
    public void Art99_4_no_compulsory_measures_absence_of_authorities_only_if_essential_public_sites_unmodified()
    {
        var plan = Voluntary with { NoCompulsoryMeasures = false, WithoutStateAuthorities = true };
        var refused = Assert.IsType<Decision.Refused>(RequestLifecycle.Decide(Assistance(AssistanceMeasure.ExamineSites),
            new RecordDirectExecution(plan, Organ.Prosecutor, true)));
        Assert.Equal(LifecycleErrors.DirectExecutionNotAllowed, refused.Code);
        Assert.Equal(["noCompulsoryMeasures", "absenceOfAuthoritiesEssential", "publicSiteUnmodified"], refused.InvalidElements.Select(e => e.Element).ToArray());
        Assert.Contains(DirectExecutionRules.Check(AssistanceMeasure.SearchAndSeizure, Voluntary), e => e.Element == "measure");
        Assert.Empty(DirectExecutionRules.Check(AssistanceMeasure.ExamineSites, Voluntary with { PublicSiteUnmodified = true, WithoutStateAuthorities = true, AbsenceOfAuthoritiesEssential = true }));
    }
}
