namespace Cooperation.Consultations;

public static class ConsultationGrounds
{
    /// <summary>The basis of a ground as domain.md cites it: Statute article numbers, "—" for Other.</summary>
    public static string Basis(ConsultationGround ground) => ground switch
    {
        ConsultationGround.InsufficientInformation => "97(a)",
        ConsultationGround.PersonNotLocated => "97(b)",
        ConsultationGround.WrongPerson => "97(b)",
        ConsultationGround.TreatyConflict => "97(c)",
        ConsultationGround.NeBisInIdem => "89(2)",
        ConsultationGround.OtherProceedings => "89(4)",
        ConsultationGround.CompetingRequest => "90, 93(9)(a)",
        ConsultationGround.ThirdPartyControl => "93(9)(b)",
        ConsultationGround.FundamentalPrinciple => "93(3)",
        ConsultationGround.NationalSecurity => "93(4), 72",
        ConsultationGround.Immunity => "98",
        ConsultationGround.DirectExecutionProblem => "99(4)(b)",
        ConsultationGround.Other => "—",
        _ => throw new ArgumentOutOfRangeException(nameof(ground), ground, "not a consultation ground"),
    };

    /// <summary>The problem a ground names, in domain.md's words (content-free: safe for any audience).</summary>
    public static string Problem(ConsultationGround ground) => ground switch
    {
        ConsultationGround.InsufficientInformation => "not enough information to execute",
        ConsultationGround.PersonNotLocated => "despite best efforts the person cannot be found",
        ConsultationGround.WrongPerson => "the person found is clearly not the one named in the warrant",
        ConsultationGround.TreatyConflict => "executing as it stands would breach a prior treaty obligation to another State",
        ConsultationGround.NeBisInIdem => "the person challenges before a national court on ne bis in idem",
        ConsultationGround.OtherProceedings => "the person is prosecuted or serving a sentence for another crime",
        ConsultationGround.CompetingRequest => "another State requests extradition / assistance for the same person or matter",
        ConsultationGround.ThirdPartyControl => "the material is controlled by a third State or organisation",
        ConsultationGround.FundamentalPrinciple => "a fundamental legal principle of general application bars the measure",
        ConsultationGround.NationalSecurity => "disclosure would prejudice national security",
        ConsultationGround.Immunity => "a third State's immunity or a sending-State consent is in issue",
        ConsultationGround.DirectExecutionProblem => "the State identifies problems with the Prosecutor's direct execution on its territory",
        ConsultationGround.Other => "free text, still a consultation",
        _ => throw new ArgumentOutOfRangeException(nameof(ground), ground, "not a consultation ground"),
    };
}
