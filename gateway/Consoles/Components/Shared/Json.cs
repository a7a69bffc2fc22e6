using System.Text.Json.Nodes;

namespace Cooperation.Consoles.Components.Shared;

/// <summary>Reading the API's JSON without binding to any service's types (the console is a partner like any other).</summary>
public static class Json
{
    public static string S(this JsonNode? node, string path) => Node(node, path)?.ToString() ?? "";

    public static DateTimeOffset? At(this JsonNode? node, string path) =>
        Node(node, path) is JsonValue v && v.TryGetValue<string>(out var s) && DateTimeOffset.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var at) ? at : null;

    public static IEnumerable<JsonNode> Items(this JsonNode? node, string path = "") =>
        (path.Length == 0 ? node : Node(node, path)) is JsonArray a ? a.OfType<JsonNode>() : [];

    private static JsonNode? Node(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
            node = node is JsonObject o && o.TryGetPropertyValue(part, out var next) ? next : null;
        return node;
    }
}
