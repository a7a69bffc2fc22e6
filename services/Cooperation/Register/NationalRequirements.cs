namespace Cooperation.Register;

/// <summary>
/// What a State's national law needs, as recorded in the register after consulting the Court (Art 91(4):
/// "either generally or with respect to a specific matter"). Names only, e.g. "Certified copy of the warrant".
/// </summary>
/// <param name="SurrenderDocuments">Art 91(2)(c): the documents, statements or information its surrender procedure needs.</param>
/// <param name="AssistanceInformation">Art 96(2)(e): the information its law needs to execute a request for assistance.</param>
public sealed record NationalRequirements(
    IReadOnlyList<string> SurrenderDocuments,
    IReadOnlyList<string> AssistanceInformation)
{
    /// <summary>Nothing recorded: no documents beyond those the Statute names are required.</summary>
    public static readonly NationalRequirements None = new([], []);
}
