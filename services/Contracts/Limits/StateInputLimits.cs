using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Cooperation.Validation;

namespace Cooperation.Contracts.Limits;

/// <summary>
/// Length and count caps on everything a State sends the Court: the bodies its desk posts to its node
/// and the messages its node sends on (reports, consultations, channel changes, arrest steps). The
/// State's API refuses a body over a cap (422, every field named); the Court's endpoint checks each
/// message again, since a State's broker user could send one its node never would. Every string and
/// list is capped, whatever fields a body or message gains later: a field not named below gets the
/// default. Caps are keyed by the camelCase JSON path without indices (e.g. <c>items.description</c>),
/// which is the same for a body and the message it becomes.
/// </summary>
public static class StateInputLimits
{
    /// <summary>Free text: a note, the reasons of a denial (Art 93(6)), a consultation's description or message.</summary>
    public const int MaxText = 8_000;
    /// <summary>A name: the office that acknowledged, a designated channel (Art 87(1)).</summary>
    public const int MaxName = 200;
    /// <summary>One execution item's description.</summary>
    public const int MaxItemText = 2_000;
    /// <summary>Execution items in one progress or execution report.</summary>
    public const int MaxItems = 50;
    /// <summary>Any other list.</summary>
    public const int MaxList = 200;

    private static readonly Dictionary<string, int> TextCaps = new()
    {
        ["acknowledgedBy"] = MaxName,
        ["channel"] = MaxName,
        ["items.description"] = MaxItemText,
        ["otherGroundText"] = 2_000,
        ["attachments.name"] = 255,
        ["attachments.sha256"] = 64,
        ["languages"] = 16,
        ["stateCode"] = 3,
        // A State's views to the Assembly (ICC-ASP/10/Res.5 annex): the views are free text; documents by reference.
        ["documents.reference"] = MaxName,
        ["documents.title"] = 500,
    };

    private static readonly Dictionary<string, int> ListCaps = new()
    {
        ["items"] = MaxItems,
        ["languages"] = 10,
        ["attachments"] = 20,
        ["grounds"] = 20,
        ["documents"] = 20,
        // Copied from the issuing organ's request into every report; the Court's own draft bounds each name.
        ["readers"] = 1_000,
    };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>One element per string or list over its cap, named by its JSON path; never its value (it may be sealed).</summary>
    public static IReadOnlyList<InvalidElement> Check<T>(T? value) =>
        value is null ? [] : Walk(JsonSerializer.SerializeToNode(value, value.GetType(), Json), "", "").ToList();

    /// <summary>The cap on text at <paramref name="path"/> (a path without indices).</summary>
    public static int TextCap(string path) => TextCaps.GetValueOrDefault(path, MaxText);

    /// <summary>The cap on the number of items of the list at <paramref name="path"/>.</summary>
    public static int ListCap(string path) => ListCaps.GetValueOrDefault(path, MaxList);

    private static IEnumerable<InvalidElement> Walk(JsonNode? node, string path, string key)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                foreach (var error in Walk(child, Join(path, name), Join(key, name)))
                    yield return error;
                break;
            case JsonArray array:
                var cap = ListCap(key);
                if (array.Count > cap) yield return new InvalidElement(path, $"At most {cap} items.");
                for (var i = 0; i < array.Count && i < cap; i++)
                foreach (var error in Walk(array[i], $"{path}[{i}]", key))
                    yield return error;
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var max = TextCap(key);
                if (value.GetValue<string>().Length > max) yield return new InvalidElement(path, $"At most {max} characters.");
                break;
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
