using Cooperation.Consultations;
using Cooperation.Organs;
using static Cooperation.Consultations.ConsultationCommand;

namespace Cooperation.Tests.Consultations;

public class ConsultationThreadTests
{
    private static readonly DateTimeOffset At = new(2024, 8, 30, 8, 0, 0, TimeSpan.Zero);
    private static readonly StateCode Mongolia = StateCode.Parse("MNG");

    private static ConsultationSnapshot OpenedByState(Organ issuing = Organ.Registry, params ConsultationGround[] grounds) =>
        ConsultationThread.Open(issuing, Mongolia, Organ.State, At, grounds.Length == 0 ? [ConsultationGround.Immunity] : grounds);

    private static ConsultationDecision.Accepted Accept(ConsultationSnapshot s, ConsultationCommand c) =>
        Assert.IsType<ConsultationDecision.Accepted>(ConsultationThread.Decide(s, c));

    private static string RefusalCode(ConsultationSnapshot s, ConsultationCommand c) =>
        Assert.IsType<ConsultationDecision.Refused>(ConsultationThread.Decide(s, c)).Code;

    [Fact]
    public void A_consultation_opens_open_and_both_parties_may_write()
    {
        var open = OpenedByState();
        Assert.Equal(ConsultationStatus.Open, open.Status);
        var afterState = Accept(open, new PostMessage(Organ.State, At.AddHours(1))).Snapshot;
        Assert.Null(afterState.FirstCourtAnswerAt);
        var afterCourt = Accept(afterState, new PostMessage(Organ.Registry, At.AddHours(5))).Snapshot;
        var again = Accept(afterCourt, new PostMessage(Organ.Registry, At.AddHours(9))).Snapshot;
        Assert.Equal(3, again.MessageCount);
        Assert.Equal(At.AddHours(5), again.FirstCourtAnswerAt);
    }

    [Theory]
    [InlineData(Organ.Registry, Organ.Prosecutor)]
    [InlineData(Organ.Prosecutor, Organ.Registry)]
    public void The_court_side_is_the_organ_that_issued_the_request(Organ issuing, Organ other)
    {
        var open = OpenedByState(issuing);
        Assert.True(ConsultationThread.IsParty(open, issuing));
        Assert.False(ConsultationThread.IsParty(open, other));
        Assert.Equal(ConsultationErrors.NotAParty, RefusalCode(open, new PostMessage(other, At)));
        Assert.Equal(ConsultationErrors.NotAParty, RefusalCode(open, new Close(ConsultationOutcome.Resumed, other, At)));
    }

    [Fact]
    public void Messages_only_while_open_and_closing_is_once()
    {
        var closed = Accept(OpenedByState(), new Close(ConsultationOutcome.Resumed, Organ.State, At.AddDays(1))).Snapshot;
        Assert.Equal(ConsultationStatus.Closed, closed.Status);
        Assert.Equal(ConsultationOutcome.Resumed, closed.Outcome);
        Assert.Equal(At.AddDays(1), closed.ClosedAt);
        Assert.Equal(ConsultationErrors.ConsultationClosed, RefusalCode(closed, new PostMessage(Organ.State, At.AddDays(2))));
        Assert.Equal(ConsultationErrors.ConsultationClosed, RefusalCode(closed, new Close(ConsultationOutcome.Withdrawn, Organ.Registry, At.AddDays(2))));
    }

    [Theory]
    [InlineData(ConsultationOutcome.Resumed, true)]
    [InlineData(ConsultationOutcome.Postponed, true)]
    [InlineData(ConsultationOutcome.Modified, false)]
    [InlineData(ConsultationOutcome.Redirected, false)]
    [InlineData(ConsultationOutcome.Withdrawn, false)]
    public void The_State_may_close_only_with_outcomes_that_are_not_the_Court_s_decision(ConsultationOutcome outcome, bool stateMay)
    {
        var open = OpenedByState(Organ.Prosecutor, ConsultationGround.ThirdPartyControl);
        var byState = ConsultationThread.Decide(open, new Close(outcome, Organ.State, At));
        Assert.Equal(stateMay, byState.IsAccepted);
        if (!stateMay) Assert.Equal(ConsultationErrors.OutcomeNotForParty, Assert.IsType<ConsultationDecision.Refused>(byState).Code);
        Assert.Equal(outcome, Accept(open, new Close(outcome, Organ.Prosecutor, At)).Snapshot.Outcome);
    }

    [Fact]
    public void Redirection_needs_the_third_party_control_ground()
    {
        var open = OpenedByState(Organ.Prosecutor, ConsultationGround.FundamentalPrinciple);
        Assert.Equal(ConsultationErrors.OutcomeNotApplicable, RefusalCode(open, new Close(ConsultationOutcome.Redirected, Organ.Prosecutor, At)));
    }

    [Fact]
    public void A_consultation_the_Court_opened_does_not_measure_a_first_Court_answer()
    {
        var open = ConsultationThread.Open(Organ.Registry, Mongolia, Organ.Registry, At, [ConsultationGround.Other]);
        Assert.Null(Accept(open, new PostMessage(Organ.Registry, At.AddHours(1))).Snapshot.FirstCourtAnswerAt);
    }

    [Fact]
    public void Only_the_State_or_the_issuing_organ_opens_and_a_State_never_issues()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            ConsultationThread.Open(Organ.Registry, Mongolia, Organ.Prosecutor, At, [ConsultationGround.Other]));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            ConsultationThread.Open(Organ.State, Mongolia, Organ.State, At, [ConsultationGround.Other]));
    }
}
