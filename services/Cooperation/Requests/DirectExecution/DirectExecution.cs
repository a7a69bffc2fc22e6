using Cooperation.Validation;

namespace Cooperation.Requests.DirectExecution;

/// <summary>Which paragraph of Art 99(4) the Prosecutor's direct execution rests on.</summary>
public enum DirectExecutionCase
{
    /// <summary>
    /// Art 99(4)(a): the requested State is one on whose territory the crime is alleged to have been committed, and the
    /// case was determined admissible (Art 18, 19): direct execution following all possible consultations.
    /// </summary>
    TerritorialStateAfterAdmissibility,
    /// <summary>
    /// Art 99(4)(b): in other cases, following consultations and subject to any reasonable conditions or concerns the
    /// State raised; a State that identifies problems consults the Court without delay.
    /// </summary>
    AfterConsultationsSubjectToConditions,
}

/// <summary>
/// Art 99(4): the Prosecutor executes a request directly on the State's territory, where necessary for its successful
/// execution and without compulsory measures: a voluntary interview or taking of evidence (also without the State's
/// authorities present, if that is essential), or the examination without modification of a public site.
/// <paramref name="AdmissibilityDecision"/>: the reference of the Art 18/19 determination, for 99(4)(a).
/// <paramref name="StateConditions"/>: the reasonable conditions or concerns the State raised (99(4)(b)).
/// </summary>
public sealed record DirectExecutionPlan(
    DateOnly On,
    bool NoCompulsoryMeasures,
    bool WithoutStateAuthorities,
    bool AbsenceOfAuthoritiesEssential,
    bool PublicSiteUnmodified,
    bool CrimeAllegedOnTerritory,
    string? AdmissibilityDecision,
    string? StateConditions);

/// <summary>A direct execution as recorded on the request: the plan, its case, and that consultations were held.</summary>
public sealed record DirectExecutionRecord(DirectExecutionPlan Plan, DirectExecutionCase Case);

public static class DirectExecutionRules
{
    /// <summary>Art 99(4): the measures that can be executed without compulsory measures (our reading of "interview",
    /// "taking evidence ... on a voluntary basis" and "examination without modification of a public site").</summary>
    public static bool MeasureAllows(AssistanceMeasure? measure) =>
        measure is AssistanceMeasure.TakeEvidence or AssistanceMeasure.QuestionPerson or AssistanceMeasure.ExamineSites;

    /// <summary>99(4)(a) where the crime is alleged on the State's territory and admissibility was determined; else 99(4)(b).</summary>
    public static DirectExecutionCase CaseFor(DirectExecutionPlan plan) =>
        plan.CrimeAllegedOnTerritory && !string.IsNullOrWhiteSpace(plan.AdmissibilityDecision)
            ? DirectExecutionCase.TerritorialStateAfterAdmissibility
            : DirectExecutionCase.AfterConsultationsSubjectToConditions;

    /// <summary>Every element of the plan the Statute does not allow as it stands, by field name.</summary>
    public static IReadOnlyList<InvalidElement> Check(AssistanceMeasure? measure, DirectExecutionPlan plan)
    {
        var problems = new List<InvalidElement>();
        if (!MeasureAllows(measure))
            problems.Add(new InvalidElement("measure",
                "direct execution covers a voluntary interview or taking of evidence, or the examination of a public site (Art 99(4))"));
        if (!plan.NoCompulsoryMeasures)
            problems.Add(new InvalidElement("noCompulsoryMeasures", "direct execution is only for requests executed without compulsory measures (Art 99(4))"));
        if (plan.WithoutStateAuthorities && !plan.AbsenceOfAuthoritiesEssential)
            problems.Add(new InvalidElement("absenceOfAuthoritiesEssential",
                "without the State's authorities present only if that is essential for the request to be executed (Art 99(4))"));
        if (measure == AssistanceMeasure.ExamineSites && !plan.PublicSiteUnmodified)
            problems.Add(new InvalidElement("publicSiteUnmodified", "only the examination without modification of a public site or other public place (Art 99(4))"));
        if (plan.AdmissibilityDecision is { Length: > 200 }) problems.Add(new InvalidElement("admissibilityDecision", "at most 200 characters"));
        if (plan.StateConditions is { Length: > 8_000 }) problems.Add(new InvalidElement("stateConditions", "at most 8000 characters"));
        return problems;
    }

    /// <summary>The article of a case, for views and history.</summary>
    public static string Article(DirectExecutionCase c) =>
        c == DirectExecutionCase.TerritorialStateAfterAdmissibility ? "Art 99(4)(a)" : "Art 99(4)(b)";
}
