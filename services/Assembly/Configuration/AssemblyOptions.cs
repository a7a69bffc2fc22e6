using Cooperation.Organs;
using Microsoft.Extensions.Options;

namespace Cooperation.Assembly.Configuration;

/// <summary>Section <c>Assembly</c>: the States Parties whose nodes may answer the Assembly (one inbound queue each).</summary>
public sealed class AssemblyOptions
{
    public const string Section = "Assembly";

    /// <summary>ISO 3166-1 alpha-3 codes, comma-separated (e.g. <c>Assembly__States=UGA,ZAF,NLD</c>).</summary>
    public string States { get; set; } = "";

    public IReadOnlyList<string> StateCodes => Parse(States);

    public static IReadOnlyList<string> Parse(string? states) =>
        (states ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(c => StateCode.TryParse(c, out var code)
            ? code.ToString()
            : throw new OptionsValidationException(Section, typeof(AssemblyOptions),
                [$"Assembly:States holds '{c}', which is not an ISO 3166-1 alpha-3 code."]))
        .Distinct()
        .ToList();
}
