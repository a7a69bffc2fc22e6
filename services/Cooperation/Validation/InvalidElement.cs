namespace Cooperation.Validation;

/// <summary>
/// One element of an input that is missing or invalid. <paramref name="Element"/> is the camelCase
/// JSON path as a partner sends it (e.g. <c>contents.person.name</c>, <c>language</c>), so a
/// ProblemDetails response can list every invalid field at once. <paramref name="Problem"/> says what
/// is wrong in general words and never repeats the submitted value (it may be sealed).
/// </summary>
public sealed record InvalidElement(string Element, string Problem);
