using Cooperation.Consultations;

namespace Cooperation.Tests.Consultations;

public class ConsultationGroundTests
{
    public static TheoryData<ConsultationGround, string> Bases() => new()
    {
        { ConsultationGround.InsufficientInformation, "97(a)" },
        { ConsultationGround.PersonNotLocated, "97(b)" },
        { ConsultationGround.WrongPerson, "97(b)" },
        { ConsultationGround.TreatyConflict, "97(c)" },
        { ConsultationGround.NeBisInIdem, "89(2)" },
        { ConsultationGround.OtherProceedings, "89(4)" },
        { ConsultationGround.CompetingRequest, "90, 93(9)(a)" },
        { ConsultationGround.ThirdPartyControl, "93(9)(b)" },
        { ConsultationGround.FundamentalPrinciple, "93(3)" },
        { ConsultationGround.NationalSecurity, "93(4), 72" },
        { ConsultationGround.Immunity, "98" },
        { ConsultationGround.Other, "—" },
        { ConsultationGround.DirectExecutionProblem, "99(4)(b)" },
    };

    [Theory]
    [MemberData(nameof(Bases))]
    public void Each_ground_cites_its_basis_as_domain_md_does(ConsultationGround ground, string basis)
    {
        Assert.Equal(basis, ConsultationGrounds.Basis(ground));
        Assert.False(string.IsNullOrWhiteSpace(ConsultationGrounds.Problem(ground)));
    }

    [Fact]
    public void The_grounds_are_exactly_domain_md_s_codes_and_issue_15s_Art_99_4_b_ground()
    {
        string[] codes = ["InsufficientInformation", "PersonNotLocated", "WrongPerson", "TreatyConflict", "NeBisInIdem",
            "OtherProceedings", "CompetingRequest", "ThirdPartyControl", "FundamentalPrinciple", "NationalSecurity", "Immunity", "Other",
            "DirectExecutionProblem"];
        Assert.Equal(codes, Enum.GetNames<ConsultationGround>());
    }

    [Fact]
    public void An_unknown_ground_has_no_basis()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ConsultationGrounds.Basis((ConsultationGround)77));
    }

    [Fact]
    public void The_outcomes_are_the_five_of_the_domain()
    {
        Assert.Equal(["Resumed", "Modified", "Redirected", "Postponed", "Withdrawn"], Enum.GetNames<ConsultationOutcome>());
    }
}
