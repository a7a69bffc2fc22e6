namespace Cooperation.Consultations;

/// <summary>
/// Why a State (or the Court) opens an Art 97 consultation. The codes are domain.md's table, exactly;
/// <see cref="ConsultationGrounds.Basis"/> gives each one's article.
/// </summary>
public enum ConsultationGround
{
    /// <summary>97(a): not enough information to execute.</summary>
    InsufficientInformation,
    /// <summary>97(b): despite best efforts the person cannot be found.</summary>
    PersonNotLocated,
    /// <summary>97(b): the person found is clearly not the one named in the warrant.</summary>
    WrongPerson,
    /// <summary>97(c): executing as it stands would breach a prior treaty obligation to another State.</summary>
    TreatyConflict,
    /// <summary>89(2): the person challenges before a national court on ne bis in idem.</summary>
    NeBisInIdem,
    /// <summary>89(4): the person is prosecuted or serving a sentence for another crime.</summary>
    OtherProceedings,
    /// <summary>90, 93(9)(a): another State requests extradition / assistance for the same person or matter.</summary>
    CompetingRequest,
    /// <summary>93(9)(b): the material is controlled by a third State or organisation.</summary>
    ThirdPartyControl,
    /// <summary>93(3): a fundamental legal principle of general application bars the measure.</summary>
    FundamentalPrinciple,
    /// <summary>93(4), 72: disclosure would prejudice national security.</summary>
    NationalSecurity,
    /// <summary>98: a third State's immunity or a sending-State consent is in issue.</summary>
    Immunity,
    /// <summary>Free text, still a consultation.</summary>
    Other,
    /// <summary>
    /// 99(4)(b): the State identifies problems with the Prosecutor's direct execution on its territory and consults the
    /// Court without delay. Added after domain.md's table (issue 15).
    /// </summary>
    DirectExecutionProblem,
}
