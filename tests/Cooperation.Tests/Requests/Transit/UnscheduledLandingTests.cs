using Cooperation.Requests;
using Cooperation.Requests.Transit;
using static Cooperation.Requests.Transit.LandingCommand;

namespace Cooperation.Tests.Requests.Transit;

public class UnscheduledLandingTests
{
    private static readonly DateTimeOffset Landed = new(2026, 3, 2, 22, 15, 0, TimeSpan.Zero);
    private static readonly Guid TransitRequest = Guid.Parse("0190d1c2-0000-7000-8000-000000000001");

    private static LandingDecision.Accepted Accept(LandingSnapshot s, LandingCommand c) =>
        Assert.IsType<LandingDecision.Accepted>(UnscheduledLanding.Decide(s, c));

    private static LandingDecision.Refused Refuse(LandingSnapshot s, LandingCommand c) =>
        Assert.IsType<LandingDecision.Refused>(UnscheduledLanding.Decide(s, c));

    [Fact]
    public void Art89_3_e_an_unscheduled_landing_is_reported_without_a_transit_request_and_detention_is_capped_at_96_hours()
    {
        var landing = UnscheduledLanding.Report(Landed);
        Assert.Equal(LandingStatus.Detained, landing.Status);
        Assert.Null(landing.TransitRequestId);
        Assert.Equal(Landed.AddHours(96), landing.DetentionEndsAt);
    }

    [Fact]
    public void Art89_3_e_receiving_the_transit_request_within_96_hours_ends_the_cap()
    {
        var received = Accept(UnscheduledLanding.Report(Landed), new ReceiveTransitRequest(TransitRequest, Landed.AddHours(95).AddMinutes(59)));
        Assert.Equal(LandingStatus.TransitRequestReceived, received.Snapshot.Status);
        Assert.Equal(TransitRequest, received.Snapshot.TransitRequestId);
        Assert.True(received.CapEnded);
        // The person stays detained until the transit is effected; no release at the cap any more.
        Assert.Equal(LandingErrors.IllegalTransition, Refuse(received.Snapshot, new ReleaseAtCap(Landed.AddHours(97))).Code);
        Assert.Equal(LandingStatus.TransitEffected,
            Accept(received.Snapshot, new RecordTransitEffected(Landed.AddHours(100))).Snapshot.Status);
    }

    [Fact]
    public void RPE182_2_without_the_request_in_96_hours_the_person_is_released_without_prejudice_to_a_later_arrest()
    {
        var landing = UnscheduledLanding.Report(Landed);
        Assert.Equal(LandingErrors.CapNotReached, Refuse(landing, new ReleaseAtCap(Landed.AddHours(95))).Code);
        var released = Accept(landing, new ReleaseAtCap(Landed.AddHours(96)));
        Assert.Equal(LandingStatus.Released, released.Snapshot.Status);
        Assert.True(released.CapEnded);
        Assert.Contains("RPE 182(2)", released.Description);
        Assert.Contains("without prejudice to a later arrest", released.Description);
    }

    [Fact]
    public void Art89_3_e_a_transit_request_after_the_96_hours_does_not_extend_detention()
    {
        var refused = Refuse(UnscheduledLanding.Report(Landed), new ReceiveTransitRequest(TransitRequest, Landed.AddHours(96)));
        Assert.Equal(LandingErrors.DetentionCapExpired, refused.Code);
        Assert.Contains("RPE 182(2)", refused.Message);
    }

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(true, true, true)]
    [InlineData(false, false, true)]
    [InlineData(false, true, true)]
    public void Art89_3_d_air_transit_with_no_landing_scheduled_needs_no_authorisation(bool byAir, bool landingScheduled, bool required)
    {
        var route = new TransitRoute { ByAir = byAir, LandingScheduled = landingScheduled };
        Assert.Equal(required, TransitAuthorisation.Required(route));
        var problems = RequestCompleteness.Check(RequestKind.Transit, Samples.Complete(RequestKind.Transit) with { Route = route }, "fr", Samples.Accepted);
        Assert.Equal(!required, problems.Any(p => p.Element == "contents.route" && p.Problem.Contains("89(3)(d)")));
        Assert.True(TransitAuthorisation.Required(null));
    }
}
