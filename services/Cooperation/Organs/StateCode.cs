using System.Diagnostics.CodeAnalysis;

namespace Cooperation.Organs;

/// <summary>A State Party, named by its ISO 3166-1 alpha-3 code (e.g. UGA). Always upper case.</summary>
public readonly record struct StateCode
{
    public string Value { get; }

    private StateCode(string value) => Value = value;

    public static bool TryParse([NotNullWhen(true)] string? text, out StateCode code)
    {
        code = default;
        if (text is null || text.Length != 3) return false;
        foreach (var c in text)
            if (!char.IsAsciiLetter(c)) return false;
        code = new StateCode(text.ToUpperInvariant());
        return true;
    }

    public static StateCode Parse(string text) =>
        TryParse(text, out var code)
            ? code
            : throw new FormatException($"'{text}' is not an ISO 3166-1 alpha-3 State code (three letters).");

    public override string ToString() => Value;
}
