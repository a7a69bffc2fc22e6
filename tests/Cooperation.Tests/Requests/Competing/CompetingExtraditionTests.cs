using Cooperation.Requests;
using Cooperation.Requests.Competing;
using static Cooperation.Requests.RequestCommand;

namespace Cooperation.Tests.Requests.Competing;

public class CompetingExtraditionTests
{
    private static readonly DateOnly Received = new(2026, 3, 1);
    private static readonly AdmissibilityDetermination Admissible = new(true, "ICC-01/99-01/26-77", new DateOnly(2026, 3, 20));
    private static readonly AdmissibilityDetermination Inadmissible = new(false, "ICC-01/99-01/26-78", new DateOnly(2026, 3, 20));

    private static CompetingExtradition Notice(bool party = true, bool sameConduct = true, bool obligation = false) =>
        new("SRB", party, sameConduct, obligation, Received, RequestingStateNotified: true);

    private static RequestSnapshot Notified(CompetingExtradition notice, RequestKind kind = RequestKind.ArrestAndSurrender) =>
        Accept(Samples.In(kind, RequestStatus.InExecution), new NotifyCompetingExtradition(notice)).Snapshot;

    [Fact]
    public void Art90_1_the_State_notifies_a_competing_extradition_request_for_a_surrender_without_changing_its_status()
    {
        var accepted = Accept(Samples.In(RequestKind.ArrestAndSurrender, RequestStatus.Acknowledged), new NotifyCompetingExtradition(Notice() with { RequestingState = " srb " }));
        Assert.Equal(RequestStatus.Acknowledged, accepted.Snapshot.Status);
        Assert.Equal("SRB", accepted.Snapshot.CompetingExtradition!.RequestingState);
        Assert.Equal("competing-extradition-notified", accepted.Entry.Event);
        Assert.Contains("Art 90(1)", accepted.Entry.Description);
        Assert.Equal(LifecycleErrors.CompetingRequestAlreadyNotified,
            Refuse(accepted.Snapshot, new NotifyCompetingExtradition(Notice())).Code);
        // Assistance has its own rule (Art 93(9)(a)).
        Assert.Equal(LifecycleErrors.NotApplicable,
            Refuse(Samples.In(RequestKind.OtherAssistance, RequestStatus.InExecution), new NotifyCompetingExtradition(Notice())).Code);
    }

    [Theory]
    // Same conduct, requesting State a Party: 90(2) admissible → Court; 90(3) pending → no extradition yet; inadmissible → may extradite.
    [InlineData(true, true, false, null, CompetingPriority.AwaitingDetermination, "Art 90(3)")]
    [InlineData(true, true, false, true, CompetingPriority.CourtRequest, "Art 90(2)")]
    [InlineData(true, true, false, false, CompetingPriority.StateMayExtradite, "Art 90(3)")]
    // Same conduct, not a Party: 90(4) admissible → Court unless an obligation (90(6)); otherwise 90(5).
    [InlineData(false, true, false, true, CompetingPriority.CourtRequest, "Art 90(4)")]
    [InlineData(false, true, true, true, CompetingPriority.StateDetermines, "Art 90(6)")]
    [InlineData(false, true, false, null, CompetingPriority.StateMayExtradite, "Art 90(5)")]
    [InlineData(false, true, true, false, CompetingPriority.StateMayExtradite, "Art 90(5)")]
    // Different conduct: 90(7)(a) Court first; 90(7)(b) with an obligation, the State determines.
    [InlineData(true, false, false, null, CompetingPriority.CourtRequest, "Art 90(7)(a)")]
    [InlineData(false, false, true, true, CompetingPriority.StateDetermines, "Art 90(7)(b)")]
    public void Art90_2_to_7_priority_follows_the_Courts_determination_the_requesting_State_and_any_obligation(
        bool party, bool sameConduct, bool obligation, bool? admissible, CompetingPriority expected, string article)
    {
        var notice = Notice(party, sameConduct, obligation) with
        {
            Determination = admissible is { } a ? (a ? Admissible : Inadmissible) : null,
        };
        Assert.Equal(expected, CompetingRequests.Priority(notice));
        Assert.Equal(article, CompetingRequests.Article(notice));
    }

    [Fact]
    public void Art90_2_the_Courts_determination_is_recorded_with_reference_and_date_once()
    {
        var notified = Notified(Notice());
        var blank = Refuse(notified, new RecordCompetingAdmissibility(true, " ", Admissible.On));
        Assert.Contains(blank.InvalidElements, e => e.Element == "reference");
        var determined = Accept(notified, new RecordCompetingAdmissibility(true, " ICC-01/99-01/26-77 ", Admissible.On));
        Assert.Equal(Admissible, determined.Snapshot.CompetingExtradition!.Determination);
        Assert.Equal(RequestStatus.InExecution, determined.Snapshot.Status);
        Assert.Contains("Art 90(2)", determined.Entry.Description);
        Assert.Equal(LifecycleErrors.DeterminationAlreadyRecorded,
            Refuse(determined.Snapshot, new RecordCompetingAdmissibility(false, "ICC-01/99-01/26-79", Admissible.On)).Code);
    }

    [Fact]
    public void Art90_3_no_extradition_until_the_Court_determines_the_case_inadmissible_then_extradited_instead_is_a_lawful_end()
    {
        var notified = Notified(Notice());
        Assert.Equal(LifecycleErrors.DeterminationPending, Refuse(notified, new RecordExtraditedInstead(new DateOnly(2026, 3, 10))).Code);
        var inadmissible = Accept(notified, new RecordCompetingAdmissibility(false, Inadmissible.Reference, Inadmissible.On)).Snapshot;
        var extradited = Accept(inadmissible, new RecordExtraditedInstead(new DateOnly(2026, 4, 1)));
        Assert.Equal(RequestStatus.ExtraditedInstead, extradited.Snapshot.Status);
        Assert.True(extradited.Snapshot.Status.IsTerminal());
        Assert.Equal("extradited-instead", extradited.Entry.Event);
    }

    [Fact]
    public void Art90_2_an_admissible_case_gives_the_Court_priority_and_the_person_is_not_extradited_instead()
    {
        var admissible = Accept(Notified(Notice()), new RecordCompetingAdmissibility(true, Admissible.Reference, Admissible.On)).Snapshot;
        Assert.Equal(LifecycleErrors.CourtRequestHasPriority, Refuse(admissible, new RecordExtraditedInstead(new DateOnly(2026, 4, 1))).Code);
        // Different conduct without an obligation to extradite: Art 90(7)(a), also the Court first.
        Assert.Equal(LifecycleErrors.CourtRequestHasPriority,
            Refuse(Notified(Notice(sameConduct: false)), new RecordExtraditedInstead(new DateOnly(2026, 4, 1))).Code);
    }

    [Fact]
    public void Art90_6_and_7_b_with_an_obligation_to_extradite_the_State_decides_after_considering_the_relevant_factors()
    {
        var notified = Notified(Notice(party: false, sameConduct: false, obligation: true));
        var refused = Refuse(notified, new RecordExtraditedInstead(new DateOnly(2026, 4, 1)));
        Assert.Equal(LifecycleErrors.FactorsNotConsidered, refused.Code);
        Assert.Contains(refused.InvalidElements, e => e.Element == "factorsConsidered");
        Assert.Equal(RequestStatus.ExtraditedInstead,
            Accept(notified, new RecordExtraditedInstead(new DateOnly(2026, 4, 1), FactorsConsidered: true)).Snapshot.Status);
    }

    [Fact]
    public void Art90_8_a_refusal_of_extradition_after_inadmissibility_is_notified_and_the_Courts_request_remains()
    {
        var notified = Notified(Notice());
        Assert.Equal(LifecycleErrors.NotDeterminedInadmissible, Refuse(notified, new RecordExtraditionRefused(new DateOnly(2026, 4, 1))).Code);
        var inadmissible = Accept(notified, new RecordCompetingAdmissibility(false, Inadmissible.Reference, Inadmissible.On)).Snapshot;
        var refused = Accept(inadmissible, new RecordExtraditionRefused(new DateOnly(2026, 4, 1)));
        Assert.Equal(new DateOnly(2026, 4, 1), refused.Snapshot.CompetingExtradition!.ExtraditionRefusedOn);
        Assert.Equal(CompetingPriority.CourtRequest, CompetingRequests.Priority(refused.Snapshot.CompetingExtradition));
        Assert.Equal(LifecycleErrors.CourtRequestHasPriority,
            Refuse(refused.Snapshot, new RecordExtraditedInstead(new DateOnly(2026, 4, 2))).Code);
    }

    private static Decision.Accepted Accept(RequestSnapshot s, RequestCommand c) => Assert.IsType<Decision.Accepted>(RequestLifecycle.Decide(s, c));
    private static Decision.Refused Refuse(RequestSnapshot s, RequestCommand c) => Assert.IsType<Decision.Refused>(RequestLifecycle.Decide(s, c));
}
