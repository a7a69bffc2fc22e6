using Cooperation.Consultations;

namespace Cooperation.Tests.Consultations;

public class ConsultationOpeningTests
{
    private const string Description = "The person was not at the address given.";

    public static TheoryData<ConsultationGround> AllGrounds() => new(Enum.GetValues<ConsultationGround>());

    [Theory]
    [MemberData(nameof(AllGrounds))]
    public void Every_ground_opens_a_consultation_with_a_description_and_Other_needs_its_text(ConsultationGround ground)
    {
        var withoutText = ConsultationOpening.Validate([ground], null, Description);
        if (ground == ConsultationGround.Other)
            Assert.Equal(["otherGroundText"], withoutText.Select(p => p.Element));
        else
            Assert.Empty(withoutText);
        Assert.Empty(ConsultationOpening.Validate([ground], "A bilateral arrangement is in issue.", Description));
    }

    [Theory]
    [MemberData(nameof(AllGrounds))]
    public void Every_ground_still_needs_a_description(ConsultationGround ground)
    {
        var problems = ConsultationOpening.Validate([ground], "text", "  ");
        Assert.Equal(["description"], problems.Select(p => p.Element));
    }

    [Fact]
    public void No_ground_no_description_are_reported_together()
    {
        Assert.Equal(["grounds", "description"], ConsultationOpening.Validate([], null, null).Select(p => p.Element));
        Assert.Equal(["grounds", "description"], ConsultationOpening.Validate(null, null, "").Select(p => p.Element));
    }

    [Fact]
    public void Unknown_and_repeated_grounds_are_named_by_index_along_with_the_missing_other_text()
    {
        var problems = ConsultationOpening.Validate(
            [ConsultationGround.Other, (ConsultationGround)99, ConsultationGround.Other], " ", Description);
        Assert.Equal(["grounds[1]", "grounds[2]", "otherGroundText"], problems.Select(p => p.Element));
    }

    [Fact]
    public void Several_grounds_together_are_valid()
    {
        Assert.Empty(ConsultationOpening.Validate(
            [ConsultationGround.PersonNotLocated, ConsultationGround.Immunity, ConsultationGround.CompetingRequest], null, Description));
    }
}
