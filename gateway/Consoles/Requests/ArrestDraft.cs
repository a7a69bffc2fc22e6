namespace Cooperation.Consoles.Requests;

/// <summary>What the officer types for an arrest and surrender request (Art 91(2)); kept on a failed submit.</summary>
public sealed class ArrestDraft
{
    public string StateCode { get; set; } = "";
    public string Classification { get; set; } = "Confidential";
    public string Language { get; set; } = "en";
    public string PersonName { get; set; } = "";
    public string PersonDescription { get; set; } = "";
    public string ProbableLocation { get; set; } = "";
    public string Facts { get; set; } = "";
    public string WarrantReference { get; set; } = "";
    public string WarrantTitle { get; set; } = "";
    public string WarrantSha256 { get; set; } = "";
    public string DocumentReference { get; set; } = "";
    public string DocumentTitle { get; set; } = "";
    public string DocumentSha256 { get; set; } = "";

    /// <summary>The API's draft body; empty fields are left out, so the completeness check names them.</summary>
    public object Body() => new
    {
        kind = "ArrestAndSurrender",
        stateCode = StateCode.Trim().ToUpperInvariant(),
        classification = Classification,
        language = Language,
        contents = new
        {
            person = new { name = Null(PersonName), description = Null(PersonDescription) },
            probableLocation = Null(ProbableLocation),
            facts = Null(Facts),
            warrant = Document(WarrantReference, WarrantTitle, WarrantSha256),
            supportingDocuments = Document(DocumentReference, DocumentTitle, DocumentSha256) is { } d ? new[] { d } : [],
        },
    };

    private static string? Null(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static object? Document(string reference, string title, string sha256) =>
        Null(reference) is null && Null(title) is null && Null(sha256) is null
            ? null
            : new { reference = Null(reference), title = Null(title), sha256 = Null(sha256)?.ToLowerInvariant() };
}
