using System.Text.Json;
using Cooperation.ServiceDefaults.Problems;

namespace Cooperation.ServiceDefaults.Persistence;

/// <summary>
/// One JSON shape for what services keep as JSON (contents, reader lists, lifecycle snapshots, outbox
/// bodies): the API's conventions, so a stored value reads back exactly as a partner sent it.
/// </summary>
public static class StoredJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ProblemsExtensions.ConfigureJson(options);
        return options;
    }
}
