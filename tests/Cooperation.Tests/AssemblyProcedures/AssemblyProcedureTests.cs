using Cooperation.AssemblyProcedures;
using Cooperation.Deadlines;
using static Cooperation.AssemblyProcedures.AssemblyCommand;

namespace Cooperation.Tests.AssemblyProcedures;

/// <summary>ICC-ASP/10/Res.5 annex (as amended by ICC-ASP/11/Res.8 annex I and ICC-ASP/17/Res.5 annex II): one test per transition.</summary>
public class AssemblyProcedureTests
{
    private static readonly DateOnly Referral = new(2024, 10, 24);
    private static readonly AssemblyCaseSnapshot Referred = AssemblyCaseSnapshot.Notified("MNG", referredToAssembly: true);
    private static readonly AssemblyCaseSnapshot Incident = AssemblyCaseSnapshot.Notified("MNG", referredToAssembly: false);

    private static DocumentMetadata Doc(string reference) => new(reference, "Title of " + reference, Referral);

    private static RecordFormalStep Step(FormalStep step, int day, DateOnly? viewsDueBy = null) =>
        new(step, Referral.AddDays(day), Doc("ASP/" + step), viewsDueBy);

    /// <summary>The snapshot after the first <paramref name="count"/> formal steps, in the annex's order.</summary>
    private static AssemblyCaseSnapshot After(int count)
    {
        var snapshot = Referred;
        for (var i = 0; i < count; i++)
            snapshot = Accept(snapshot, Step(AssemblyProcedure.FormalOrder[i], i + 1)).Snapshot;
        return snapshot;
    }

    private static AssemblyDecision.Accepted Accept(AssemblyCaseSnapshot current, AssemblyCommand command) =>
        Assert.IsType<AssemblyDecision.Accepted>(AssemblyProcedure.Decide(current, command));

    private static AssemblyDecision.Refused Refuse(AssemblyCaseSnapshot current, AssemblyCommand command) =>
        Assert.IsType<AssemblyDecision.Refused>(AssemblyProcedure.Decide(current, command));

    [Fact]
    public void Para_14_a_referral_opens_the_formal_response_with_an_emergency_Bureau_meeting()
    {
        var accepted = Accept(Referred, Step(FormalStep.EmergencyBureauMeeting, 1));
        Assert.Equal(FormalStep.EmergencyBureauMeeting, accepted.Snapshot.LastFormalStep);
        Assert.Equal("emergency-bureau-meeting-held", accepted.Event);
        Assert.Null(accepted.DeadlineStarted);
    }

    [Fact]
    public void Art_87_7_without_a_referral_to_the_Assembly_there_is_no_formal_response()
    {
        var refused = Refuse(Incident, Step(FormalStep.EmergencyBureauMeeting, 1));
        Assert.Equal(AssemblyErrors.NotReferred, refused.Code);
        Assert.False(refused.Forbidden);
    }

    [Fact]
    public void Para_14_the_Presidents_letter_follows_the_emergency_meeting_and_starts_a_views_deadline()
    {
        var accepted = Accept(After(1), Step(FormalStep.PresidentsLetter, 2, viewsDueBy: Referral.AddDays(20)));
        Assert.Equal(FormalStep.PresidentsLetter, accepted.Snapshot.LastFormalStep);
        Assert.Equal(Referral.AddDays(20), accepted.Snapshot.Letter!.ViewsDueBy);
        Assert.Equal(DeadlineKind.AssemblyViewsDue, accepted.DeadlineStarted!.Kind);
        Assert.Equal(Deadline.EndOfDayUtc(Referral.AddDays(20)), accepted.DeadlineStarted.DueAt);
    }

    [Fact]
    public void Para_14_the_letter_asks_for_views_within_about_two_weeks_by_default()
    {
        var accepted = Accept(After(1), Step(FormalStep.PresidentsLetter, 2));
        Assert.Equal(Referral.AddDays(2 + 14), accepted.Snapshot.Letter!.ViewsDueBy);
        Assert.Equal(Deadline.EndOfDayUtc(Referral.AddDays(16)), accepted.DeadlineStarted!.DueAt);
    }

    [Fact]
    public void Para_14_the_views_are_asked_for_by_a_date_after_the_letter()
    {
        var refused = Refuse(After(1), Step(FormalStep.PresidentsLetter, 2, viewsDueBy: Referral.AddDays(2)));
        Assert.Equal(AssemblyErrors.ViewsDueBeforeLetter, refused.Code);
    }

    [Fact]
    public void Para_14_the_Bureau_meets_the_State_after_the_letter()
    {
        var accepted = Accept(After(2), Step(FormalStep.BureauMeetingWithState, 3));
        Assert.Equal(FormalStep.BureauMeetingWithState, accepted.Snapshot.LastFormalStep);
        Assert.Equal("bureau-met-the-state", accepted.Event);
    }

    [Fact]
    public void Para_14_e_the_public_plenary_follows_the_Bureaus_meeting_with_the_State()
    {
        var accepted = Accept(After(3), Step(FormalStep.PlenaryConsideration, 4));
        Assert.Equal(FormalStep.PlenaryConsideration, accepted.Snapshot.LastFormalStep);
    }

    [Fact]
    public void Para_14_e_the_Bureau_reports_with_recommendations_after_the_plenary()
    {
        var accepted = Accept(After(4), Step(FormalStep.BureauReport, 5));
        Assert.Equal(FormalStep.BureauReport, accepted.Snapshot.LastFormalStep);
        Assert.Equal("bureau-reported", accepted.Event);
    }

    [Fact]
    public void Para_14_e_the_Bureau_report_does_not_come_before_the_plenary_as_domain_md_reads_it()
    {
        // Issue 9 lists the report first; the order enforced is domain.md's (not confirmed).
        var refused = Refuse(After(3), Step(FormalStep.BureauReport, 4));
        Assert.Equal(AssemblyErrors.IllegalStep, refused.Code);
    }

    [Fact]
    public void Nothing_follows_the_Bureau_report()
    {
        var refused = Refuse(After(5), Step(FormalStep.EmergencyBureauMeeting, 6));
        Assert.Equal(AssemblyErrors.IllegalStep, refused.Code);
    }

    [Theory]
    [InlineData(0, FormalStep.PresidentsLetter)]
    [InlineData(0, FormalStep.BureauMeetingWithState)]
    [InlineData(0, FormalStep.PlenaryConsideration)]
    [InlineData(0, FormalStep.BureauReport)]
    [InlineData(1, FormalStep.EmergencyBureauMeeting)]
    [InlineData(1, FormalStep.BureauMeetingWithState)]
    [InlineData(2, FormalStep.PresidentsLetter)]
    [InlineData(2, FormalStep.PlenaryConsideration)]
    [InlineData(3, FormalStep.BureauReport)]
    [InlineData(4, FormalStep.PlenaryConsideration)]
    public void Para_14_a_step_out_of_order_or_taken_twice_is_refused(int taken, FormalStep step)
    {
        Assert.Equal(AssemblyErrors.IllegalStep, Refuse(After(taken), Step(step, taken + 1)).Code);
    }

    [Fact]
    public void A_step_is_not_dated_before_the_step_it_follows()
    {
        var refused = Refuse(After(2), new RecordFormalStep(FormalStep.BureauMeetingWithState, Referral, Doc("early")));
        Assert.Equal(AssemblyErrors.DateBeforePreviousStep, refused.Code);
    }

    [Fact]
    public void Para_14_the_States_views_meet_the_letters_deadline()
    {
        var at = new DateTimeOffset(2024, 11, 5, 10, 0, 0, TimeSpan.Zero);
        var accepted = Accept(After(2), new ReceiveStateViews(at));
        Assert.Equal(at, accepted.Snapshot.ViewsReceivedAt);
        Assert.Equal(DeadlineKind.AssemblyViewsDue, accepted.DeadlineEnded);
    }

    [Fact]
    public void Later_views_add_to_the_first_and_end_no_deadline_again()
    {
        var first = new DateTimeOffset(2024, 11, 5, 10, 0, 0, TimeSpan.Zero);
        var once = Accept(After(2), new ReceiveStateViews(first)).Snapshot;
        var again = Accept(once, new ReceiveStateViews(first.AddDays(1)));
        Assert.Equal(first, again.Snapshot.ViewsReceivedAt);
        Assert.Null(again.DeadlineEnded);
    }

    [Fact]
    public void Para_14_views_answer_the_Presidents_letter_and_are_refused_before_it()
    {
        Assert.Equal(AssemblyErrors.NoLetter, Refuse(After(1), new ReceiveStateViews(DateTimeOffset.UnixEpoch)).Code);
    }

    [Fact]
    public void Para_16_the_Presidency_assigns_a_regional_focal_point()
    {
        var accepted = Accept(Incident, new AssignFocalPoint(new FocalPointAssignment("focal-point-africa", Region.AfricanStates, Referral)));
        Assert.True(accepted.Snapshot.IsAssigned("focal-point-africa"));
    }

    [Fact]
    public void Para_16_a_focal_point_is_assigned_a_case_once()
    {
        var assignment = new FocalPointAssignment("focal-point-africa", Region.AfricanStates, Referral);
        var once = Accept(Incident, new AssignFocalPoint(assignment)).Snapshot;
        Assert.Equal(AssemblyErrors.AlreadyAssigned, Refuse(once, new AssignFocalPoint(assignment)).Code);
    }

    [Fact]
    public void Informal_response_the_Presidency_offers_good_offices_before_any_finding()
    {
        var accepted = Accept(Incident, new LogInformalAction(new AssemblyActor.Presidency(), InformalActionKind.GoodOffices, Referral));
        Assert.Equal("informal-action-logged", accepted.Event);
        Assert.Equal(Incident, accepted.Snapshot);
    }

    [Fact]
    public void Para_16_an_assigned_focal_point_logs_a_demarche_on_an_imminent_incident()
    {
        var assigned = Accept(Incident, new AssignFocalPoint(new FocalPointAssignment("focal-point-africa", Region.AfricanStates, Referral))).Snapshot;
        Accept(assigned, new LogInformalAction(new AssemblyActor.FocalPoint("focal-point-africa"), InformalActionKind.Demarche, Referral));
    }

    [Fact]
    public void Para_16_a_focal_point_not_assigned_to_the_case_may_not_act_on_it()
    {
        var refused = Refuse(Incident, new LogInformalAction(new AssemblyActor.FocalPoint("focal-point-africa"), InformalActionKind.Demarche, Referral));
        Assert.Equal(AssemblyErrors.NotAssigned, refused.Code);
        Assert.True(refused.Forbidden);
    }
}
