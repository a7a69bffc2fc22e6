using System.Text.Json;
using System.Text.Json.Nodes;
using Cooperation.Requests;

namespace Cooperation.Court.Requests.Draft;

/// <summary>
/// Size limits on what a draft may contain, so a request cannot be padded with megabytes of text
/// (the gateway caps the whole body; this caps each field, directly called services included).
/// Every text field and list of the contents is checked, whatever fields the contents gain later.
/// </summary>
public static class DraftLimits
{
    /// <summary>One text field (a name, the brief facts, a purpose): at most this many characters.</summary>
    public const int MaxText = 10_000;
    /// <summary>One list (documents, persons and places): at most this many items.</summary>
    public const int MaxItems = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>One error per field over its limit, keyed by its JSON path (e.g. contents.person.name); never its value.</summary>
    public static IEnumerable<(string Field, string Problem)> Check(RequestContents? contents) =>
        contents is null ? [] : Walk(JsonSerializer.SerializeToNode(contents, Json), "contents");

    private static IEnumerable<(string, string)> Walk(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                foreach (var error in Walk(child, $"{path}.{name}"))
                    yield return error;
                break;
            case JsonArray array:
                if (array.Count > MaxItems) yield return (path, $"At most {MaxItems} items.");
                for (var i = 0; i < array.Count && i < MaxItems; i++)
                foreach (var error in Walk(array[i], $"{path}[{i}]"))
                    yield return error;
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length > MaxText:
                yield return (path, $"At most {MaxText} characters.");
                break;
        }
    }
}
