using Cooperation.NonCompliance;
using static Cooperation.NonCompliance.MatterCommand;

namespace Cooperation.Tests.NonCompliance;

/// <summary>The Art 87(7) track: every step from every step, then each rule by its article.</summary>
public class NonComplianceMatterTests
{
    private static readonly DateOnly Day = new(2025, 2, 17);
    private static readonly DateOnly Later = Day.AddDays(300);

    private static readonly Dictionary<string, MatterStep> Abbreviations = new()
    {
        ["Su"] = MatterStep.Suspected, ["OI"] = MatterStep.ObservationsInvited, ["OS"] = MatterStep.ObservationsSubmitted,
        ["Fi"] = MatterStep.Finding, ["RA"] = MatterStep.ReferredToAssembly, ["RS"] = MatterStep.ReferredToSecurityCouncil,
        ["RD"] = MatterStep.ReferralDeferred, ["NR"] = MatterStep.NotReferred, ["Cl"] = MatterStep.Closed,
    };

    // A situation the Security Council referred (Art 13(b)), so every recipient is possible. "-": refused, nothing changes.
    private const string Table = """
        command     Su  OI  OS  Fi  RA  RS  RD  NR  Cl
        Invite      OI  -   -   -   -   -   -   -   -
        Submit      -   OS  -   -   -   -   -   -   -
        Finding     -   Fi  Fi  -   -   -   -   -   -
        ReferASP    -   -   -   RA  -   RA  RA  -   -
        ReferSC     -   -   -   RS  RS  -   RS  -   -
        ReferBoth   -   -   -   RS  -   -   RS  -   -
        Defer       -   -   -   RD  -   -   -   -   -
        Decline     -   -   -   NR  -   -   NR  -   -
        Close       Cl  Cl  Cl  -   -   -   -   -   -
        """;

    private static MatterCommand Command(string name) => name switch
    {
        "Invite" => new InviteObservations("ICC-01/05-01/25-1", Later, Later.AddDays(28)),
        "Submit" => new SubmitObservations(Later),
        "Finding" => new RecordFinding("ICC-01/05-01/25-2", Later, true, true),
        "ReferASP" => new Refer("ICC-01/05-01/25-3", Later, ToAssembly: true, ToSecurityCouncil: false),
        "ReferSC" => new Refer("ICC-01/05-01/25-3", Later, ToAssembly: false, ToSecurityCouncil: true),
        "ReferBoth" => new Refer("ICC-01/05-01/25-3", Later, ToAssembly: true, ToSecurityCouncil: true),
        "Defer" => new DeferReferral("ICC-01/05-01/25-4", Later),
        "Decline" => new DeclineReferral("ICC-01/05-01/25-4", Later),
        "Close" => new Close("ICC-01/05-01/25-5", Later),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>A matter at <paramref name="step"/>, reached by legal steps (observations due within 28 days of <see cref="Day"/>).</summary>
    private static MatterSnapshot At(MatterStep step, bool securityCouncilSituation = true)
    {
        var m = MatterSnapshot.Open(Day, securityCouncilSituation);
        MatterCommand[] path = step switch
        {
            MatterStep.Suspected => [],
            MatterStep.ObservationsInvited => [Invite()],
            MatterStep.ObservationsSubmitted => [Invite(), new SubmitObservations(Day.AddDays(10))],
            MatterStep.Finding => [Invite(), Find()],
            MatterStep.ReferredToAssembly => [Invite(), Find(), new Refer("R", Day.AddDays(60), true, false)],
            MatterStep.ReferredToSecurityCouncil => [Invite(), Find(), new Refer("R", Day.AddDays(60), false, true)],
            MatterStep.ReferralDeferred => [Invite(), Find(), new DeferReferral("D", Day.AddDays(60))],
            MatterStep.NotReferred => [Invite(), Find(), new DeclineReferral("N", Day.AddDays(60))],
            MatterStep.Closed => [new Close("C", Day.AddDays(5))],
            _ => throw new ArgumentOutOfRangeException(nameof(step)),
        };
        foreach (var c in path) m = ((MatterDecision.Accepted)NonComplianceMatter.Decide(m, c)).Snapshot;
        Assert.Equal(step, m.Step);
        return m;

        static MatterCommand Invite() => new InviteObservations("I", Day, Day.AddDays(28));
        static MatterCommand Find() => new RecordFinding("F", Day.AddDays(40), true, true);
    }

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        var lines = Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var columns = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];
        foreach (var line in lines[1..])
        {
            var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < columns.Length; i++) data.Add(cells[0], columns[i], cells[i + 1]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_step_from_every_step_follows_the_Art_87_7_track(string command, string from, string expected)
    {
        var current = At(Abbreviations[from]);
        var decision = NonComplianceMatter.Decide(current, Command(command));
        if (expected == "-")
        {
            var refused = Assert.IsType<MatterDecision.Refused>(decision);
            Assert.Contains(refused.Code, new[] { MatterErrors.IllegalStep, MatterErrors.AlreadyReferred });
            Assert.Empty(refused.InvalidElements);
        }
        else
        {
            var accepted = Assert.IsType<MatterDecision.Accepted>(decision);
            Assert.Equal(Abbreviations[expected], accepted.Snapshot.Step);
            Assert.Equal(current.Steps.Count + accepted.Added.Count, accepted.Snapshot.Steps.Count);
            Assert.All(accepted.Added, s => Assert.Equal(Later, s.On));
        }
    }

    [Fact]
    public void A_matter_opens_as_suspected_with_that_first_step()
    {
        var m = MatterSnapshot.Open(Day, false);
        Assert.Equal(MatterStep.Suspected, m.Step);
        Assert.Equal([new MatterStepRecord(MatterStep.Suspected, null, Day)], m.Steps);
    }

    [Fact]
    public void Regulation_109_no_finding_before_the_State_is_invited_to_submit_observations()
    {
        var refused = Assert.IsType<MatterDecision.Refused>(
            NonComplianceMatter.Decide(At(MatterStep.Suspected), new RecordFinding("F", Later, true, true)));
        Assert.Equal(MatterErrors.IllegalStep, refused.Code);
    }

    [Fact]
    public void Regulation_109_no_finding_while_the_States_time_for_observations_runs()
    {
        var invited = At(MatterStep.ObservationsInvited);
        var early = NonComplianceMatter.Decide(invited, new RecordFinding("F", Day.AddDays(28), true, true));
        Assert.Equal(MatterErrors.StateNotHeard, Assert.IsType<MatterDecision.Refused>(early).Code);
        Assert.IsType<MatterDecision.Accepted>(NonComplianceMatter.Decide(invited, new RecordFinding("F", Day.AddDays(29), true, true)));
    }

    [Fact]
    public void Regulation_109_once_the_State_answered_the_finding_may_come_before_the_reply_by_date()
    {
        var answered = At(MatterStep.ObservationsSubmitted);
        Assert.IsType<MatterDecision.Accepted>(NonComplianceMatter.Decide(answered, new RecordFinding("F", Day.AddDays(12), true, true)));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void Art_87_7_a_finding_needs_both_elements(bool contraryToStatute, bool preventsFunctions)
    {
        var decision = NonComplianceMatter.Decide(At(MatterStep.ObservationsSubmitted), new RecordFinding("F", Later, contraryToStatute, preventsFunctions));
        Assert.Equal(MatterErrors.FindingElementsMissing, Assert.IsType<MatterDecision.Refused>(decision).Code);
    }

    [Fact]
    public void Art_13_b_referral_to_the_Security_Council_only_where_the_Council_referred_the_situation()
    {
        var finding = At(MatterStep.Finding, securityCouncilSituation: false);
        foreach (var both in new[] { false, true })
        {
            var decision = NonComplianceMatter.Decide(finding, new Refer("R", Later, ToAssembly: both, ToSecurityCouncil: true));
            Assert.Equal(MatterErrors.SecurityCouncilNotSeized, Assert.IsType<MatterDecision.Refused>(decision).Code);
        }
    }

    [Fact]
    public void Art_87_7_referral_to_both_the_Assembly_and_the_Council_at_once_Malawi_and_Chad_2011()
    {
        var accepted = Assert.IsType<MatterDecision.Accepted>(
            NonComplianceMatter.Decide(At(MatterStep.Finding), new Refer("ICC-02/05-01/09-139", Later, true, true)));
        Assert.Equal([MatterStep.ReferredToAssembly, MatterStep.ReferredToSecurityCouncil], accepted.Added.Select(s => s.Step));
        Assert.All(accepted.Added, s => Assert.Equal("ICC-02/05-01/09-139", s.DecisionReference));
        Assert.True(accepted.Snapshot.ReferredToAssembly && accepted.Snapshot.ReferredToSecurityCouncil);
        Assert.True(accepted.Snapshot.IsFinal);
    }

    [Fact]
    public void A_referral_to_the_Assembly_ends_the_track_where_the_Council_cannot_be_seized()
    {
        var referred = At(MatterStep.ReferredToAssembly, securityCouncilSituation: false);
        Assert.True(referred.IsFinal);
        Assert.True(referred.NotifiesAssembly);
        var again = NonComplianceMatter.Decide(referred, new Refer("R2", Later, true, false));
        Assert.IsType<MatterDecision.Refused>(again);
    }

    [Fact]
    public void Finding_and_referral_are_separate_decisions_each_with_its_reference_and_date()
    {
        var m = At(MatterStep.ReferredToAssembly);
        Assert.Equal(
            [MatterStep.Suspected, MatterStep.ObservationsInvited, MatterStep.Finding, MatterStep.ReferredToAssembly],
            m.Steps.Select(s => s.Step));
        Assert.Equal(["I", "F", "R"], m.Steps.Skip(1).Select(s => s.DecisionReference));
        Assert.Equal([Day, Day.AddDays(40), Day.AddDays(60)], m.Steps.Skip(1).Select(s => s.On));
    }

    [Fact]
    public void A_deferred_referral_may_later_be_made_Italy_2025()
    {
        var deferred = At(MatterStep.ReferralDeferred);
        Assert.False(deferred.NotifiesAssembly);
        var referred = Assert.IsType<MatterDecision.Accepted>(NonComplianceMatter.Decide(deferred, new Refer("R", Later, true, false)));
        Assert.True(referred.Snapshot.NotifiesAssembly);
    }

    [Fact]
    public void A_finding_without_referral_is_final_South_Africa_2017()
    {
        var m = At(MatterStep.NotReferred);
        Assert.True(m.IsFinal);
        Assert.False(m.NotifiesAssembly);
    }

    [Fact]
    public void Every_Chamber_decision_carries_its_reference_every_invalid_field_named()
    {
        var decision = NonComplianceMatter.Decide(At(MatterStep.Finding), new Refer(" ", Later, false, false));
        var refused = Assert.IsType<MatterDecision.Refused>(decision);
        Assert.Equal(MatterErrors.InvalidDecision, refused.Code);
        Assert.Equal(["decisionReference", "toAssembly"], refused.InvalidElements.Select(e => e.Element));
    }

    [Fact]
    public void The_reply_by_date_cannot_precede_the_invitation()
    {
        var refused = Assert.IsType<MatterDecision.Refused>(
            NonComplianceMatter.Decide(At(MatterStep.Suspected), new InviteObservations("I", Day.AddDays(5), Day.AddDays(4))));
        Assert.Equal("replyBy", Assert.Single(refused.InvalidElements).Element);
    }

    [Fact]
    public void A_decision_dated_before_the_latest_step_is_refused()
    {
        var refused = Assert.IsType<MatterDecision.Refused>(
            NonComplianceMatter.Decide(At(MatterStep.Finding), new Refer("R", Day.AddDays(39), true, false)));
        Assert.Equal(MatterErrors.OutOfOrder, refused.Code);
    }

    [Fact]
    public void Late_observations_are_still_recorded_for_the_Chamber_to_weigh()
    {
        var late = NonComplianceMatter.Decide(At(MatterStep.ObservationsInvited), new SubmitObservations(Day.AddDays(100)));
        Assert.True(Assert.IsType<MatterDecision.Accepted>(late).Snapshot.ObservationsSubmitted);
    }
}
