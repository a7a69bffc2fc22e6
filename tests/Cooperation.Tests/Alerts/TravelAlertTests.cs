using Cooperation.Alerts;
using Cooperation.Requests;

namespace Cooperation.Tests.Alerts;

/// <summary>What a travel alert must say before it goes (Art 86, 89(1), 97; the Chambers' practice on travel information).</summary>
public class TravelAlertTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static AlertedStateInput State(string code, TravelRole? role = TravelRole.Destination, int from = 10, int until = 12) => new()
    {
        StateCode = code, Role = role, ExpectedFrom = new DateOnly(2026, 12, from), ExpectedUntil = new DateOnly(2026, 12, until),
    };

    [Fact]
    public void A_complete_list_of_destination_and_transit_States_is_valid()
    {
        Assert.Empty(TravelAlert.Validate([State("UGA"), State("zaf", TravelRole.Transit, 9, 9)], Today));
    }

    [Fact]
    public void An_alert_names_at_least_one_State()
    {
        Assert.Equal("states", Assert.Single(TravelAlert.Validate([], Today)).Element);
        Assert.Equal("states", Assert.Single(TravelAlert.Validate(null, Today)).Element);
    }

    [Fact]
    public void One_call_may_address_every_State_Party_but_not_more_than_the_cap()
    {
        var many = Enumerable.Range(0, TravelAlert.MaxStates + 1).Select(i => State($"A{(char)('A' + i / 26 % 26)}{(char)('A' + i % 26)}")).ToList();
        Assert.Empty(TravelAlert.Validate(many.Take(125).ToList(), Today));
        Assert.Contains(TravelAlert.Validate(many, Today), e => e.Element == "states");
    }

    [Fact]
    public void Every_invalid_field_is_named_by_its_path()
    {
        var errors = TravelAlert.Validate(
            [State("U1A"), State("UGA", role: null), State("UGA", from: 12, until: 10), new AlertedStateInput { StateCode = "ZAF" }], Today);
        Assert.Equal(
            ["states[0].stateCode", "states[1].role", "states[2].stateCode", "states[2].expectedUntil", "states[3].role",
                "states[3].expectedFrom", "states[3].expectedUntil"],
            errors.Select(e => e.Element).ToArray());
    }

    [Fact]
    public void The_expected_dates_run_from_on_or_before_until_and_the_visit_is_not_over()
    {
        Assert.Empty(TravelAlert.Validate([State("UGA", from: 1, until: 1)], Today));
        Assert.Equal("states[0].expectedUntil", Assert.Single(TravelAlert.Validate([State("UGA", from: 5, until: 4)], Today)).Element);
        var past = new AlertedStateInput { StateCode = "UGA", Role = TravelRole.Transit, ExpectedFrom = new DateOnly(2026, 11, 1), ExpectedUntil = new DateOnly(2026, 11, 30) };
        Assert.Equal("states[0].expectedUntil", Assert.Single(TravelAlert.Validate([past], Today)).Element);
    }

    [Fact]
    public void Art_89_1_only_an_arrest_and_surrender_request_can_carry_an_alert()
    {
        Assert.True(TravelAlert.CanBeAlertedOn(RequestKind.ArrestAndSurrender));
        Assert.False(TravelAlert.CanBeAlertedOn(RequestKind.ProvisionalArrest));
        Assert.False(TravelAlert.CanBeAlertedOn(RequestKind.Transit));
        Assert.False(TravelAlert.CanBeAlertedOn(RequestKind.OtherAssistance));
    }

    [Fact]
    public void Art_91_2_b_the_same_warrant_is_the_same_warrant_reference_whatever_its_case_or_spaces()
    {
        var a = new RequestContents { Warrant = new DocumentReference { Reference = "ICC-01/99-01/26-1" } };
        var b = new RequestContents { Warrant = new DocumentReference { Reference = " icc-01/99-01/26-1 " } };
        Assert.Equal(TravelAlert.WarrantKey(a), TravelAlert.WarrantKey(b));
        Assert.Null(TravelAlert.WarrantKey(new RequestContents()));
        Assert.NotEqual(TravelAlert.WarrantKey(a), TravelAlert.WarrantKey(new RequestContents { Warrant = new DocumentReference { Reference = "ICC-01/99-01/26-9" } }));
    }
}
