using Cooperation.Validation;

namespace Cooperation.Consultations;

/// <summary>What makes a request to open an Art 97 consultation well-formed.</summary>
public static class ConsultationOpening
{
    /// <summary>
    /// At least one ground, each a known one and none twice; free text when the ground is Other; a
    /// description of the problem. Lists every invalid element (JSON paths <c>grounds</c>,
    /// <c>grounds[i]</c>, <c>otherGroundText</c>, <c>description</c>). Grounds are not matched to the kind of
    /// request: a State that raises an obstacle is heard, whatever it calls it (Art 97 "without delay").
    /// </summary>
    public static IReadOnlyList<InvalidElement> Validate(
        IReadOnlyList<ConsultationGround>? grounds, string? otherGroundText, string? description)
    {
        var problems = new List<InvalidElement>();
        if (grounds is null || grounds.Count == 0)
            problems.Add(new InvalidElement("grounds", "at least one ground is required"));
        else
        {
            var seen = new HashSet<ConsultationGround>();
            for (var i = 0; i < grounds.Count; i++)
            {
                if (!Enum.IsDefined(grounds[i]))
                    problems.Add(new InvalidElement($"grounds[{i}]", "not a known consultation ground"));
                else if (!seen.Add(grounds[i]))
                    problems.Add(new InvalidElement($"grounds[{i}]", "the same ground is given twice"));
            }
            if (grounds.Contains(ConsultationGround.Other) && string.IsNullOrWhiteSpace(otherGroundText))
                problems.Add(new InvalidElement("otherGroundText", "required when the ground is Other"));
        }
        if (string.IsNullOrWhiteSpace(description))
            problems.Add(new InvalidElement("description", "required: what stands in the way of execution"));
        return problems;
    }
}
