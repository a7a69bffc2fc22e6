using Cooperation.Requests;
using Cooperation.Requests.Channels;
using static Cooperation.Requests.RequestCommand;

namespace Cooperation.Tests.Requests.Channels;

public class OrganisationTransmissionTests
{
    private static RecordOrganisationTransmission Via(OrganisationChannel channel, string? organisation = null, string? reference = null) =>
        new(new OrganisationTransmission(channel, organisation, reference, Samples.At));

    [Fact]
    public void Art87_1_b_a_request_may_also_go_through_INTERPOL_beside_the_designated_channel_status_and_evidence_unchanged()
    {
        // Italy 2025: provisional-arrest requests to six States and a Red Notice the same day.
        var transmitted = Samples.In(RequestKind.ProvisionalArrest, RequestStatus.Transmitted);
        var accepted = Assert.IsType<Decision.Accepted>(RequestLifecycle.Decide(transmitted, Via(OrganisationChannel.Interpol, reference: " A-1234/1-2025 ")));
        Assert.Equal(transmitted with { OrganisationTransmissions = accepted.Snapshot.OrganisationTransmissions }, accepted.Snapshot);
        var recorded = Assert.Single(accepted.Snapshot.OrganisationTransmissions);
        Assert.Equal(OrganisationChannel.Interpol, recorded.Channel);
        Assert.Equal("A-1234/1-2025", recorded.Reference);
        Assert.Equal("organisation-transmission-recorded", accepted.Entry.Event);
        Assert.Contains("Art 87(1)(b)", accepted.Entry.Description);
    }

    [Fact]
    public void Art87_1_b_without_prejudice_to_87_1_a_so_only_once_the_request_went_through_the_designated_channel()
    {
        foreach (var status in new[] { RequestStatus.Draft, RequestStatus.Ready, RequestStatus.Executed })
            Assert.Equal(LifecycleErrors.IllegalTransition, Assert.IsType<Decision.Refused>(
                RequestLifecycle.Decide(Samples.In(RequestKind.ArrestAndSurrender, status), Via(OrganisationChannel.Interpol))).Code);
    }

    [Fact]
    public void Art87_1_b_a_regional_organisation_is_named_and_every_invalid_field_is_listed()
    {
        var pending = Samples.In(RequestKind.ArrestAndSurrender, RequestStatus.Delivered);
        var unnamed = Assert.IsType<Decision.Refused>(RequestLifecycle.Decide(pending, Via(OrganisationChannel.RegionalOrganisation, " ", new string('r', 201))));
        Assert.Equal(LifecycleErrors.InvalidOrganisationTransmission, unnamed.Code);
        Assert.Equal(["organisation", "reference"], unnamed.InvalidElements.Select(e => e.Element).ToArray());
        Assert.Contains(OrganisationTransmissions.Validate(null, null, null), e => e.Element == "channel");
        Assert.Contains(OrganisationTransmissions.Validate(OrganisationChannel.Interpol, "Europol", null), e => e.Element == "organisation");
        var named = Assert.IsType<Decision.Accepted>(RequestLifecycle.Decide(pending, Via(OrganisationChannel.RegionalOrganisation, " AFRIPOL ")));
        Assert.Equal("AFRIPOL", named.Snapshot.OrganisationTransmissions.Single().Organisation);
    }
}
