using Cooperation.Requests;

namespace Cooperation.Tests.Requests;

/// <summary>The grounds a State's API publishes on a received request: the same rules the lifecycle applies to a denial or postponement.</summary>
public class GroundsAllowedTests
{
    [Fact]
    public void An_arrest_request_is_never_denied_and_is_postponed_only_on_ne_bis_in_idem_or_an_admissibility_challenge()
    {
        Assert.Empty(RequestLifecycle.DenialGroundsFor(RequestKind.ArrestAndSurrender, null));
        Assert.Empty(RequestLifecycle.DenialGroundsFor(RequestKind.ProvisionalArrest, null));
        Assert.Equal([PostponementGround.NeBisInIdemChallenge, PostponementGround.AdmissibilityChallenge],
            RequestLifecycle.PostponementGroundsFor(RequestKind.ArrestAndSurrender));
        Assert.Equal([PostponementGround.AdmissibilityChallenge], RequestLifecycle.PostponementGroundsFor(RequestKind.ProvisionalArrest));
    }

    [Fact]
    public void Assistance_is_denied_on_the_grounds_its_measure_allows_and_a_transit_only_if_it_would_impede_surrender()
    {
        Assert.Equal([DenialGround.NationalSecurity, DenialGround.ThirdPartyOriginatorRefused],
            RequestLifecycle.DenialGroundsFor(RequestKind.OtherAssistance, AssistanceMeasure.RecordsAndDocuments));
        Assert.Equal([DenialGround.NationalSecurity, DenialGround.ProhibitedByNationalLaw, DenialGround.ThirdPartyOriginatorRefused],
            RequestLifecycle.DenialGroundsFor(RequestKind.OtherAssistance, AssistanceMeasure.OtherAssistance));
        Assert.Contains(DenialGround.NoConsentToTemporaryTransfer, RequestLifecycle.DenialGroundsFor(RequestKind.OtherAssistance, AssistanceMeasure.TemporaryTransfer));
        Assert.Contains(DenialGround.AppearanceNotVoluntary, RequestLifecycle.DenialGroundsFor(RequestKind.OtherAssistance, AssistanceMeasure.VoluntaryAppearance));
        Assert.Equal([DenialGround.TransitWouldImpedeSurrender], RequestLifecycle.DenialGroundsFor(RequestKind.Transit, null));
        Assert.Equal([PostponementGround.NationalProceedings, PostponementGround.AdmissibilityChallenge, PostponementGround.CompetingRequests],
            RequestLifecycle.PostponementGroundsFor(RequestKind.OtherAssistance));
    }
}
