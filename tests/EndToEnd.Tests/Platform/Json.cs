using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cooperation.EndToEnd.Tests.Platform;

public static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text)?.AsObject() ?? throw new InvalidOperationException($"Not a JSON object: {text}");
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body, Options);

    /// <summary>Polls GET until the predicate holds; returns the last body.</summary>
    public static async Task<JsonObject> WaitForAsync(this HttpClient client, string path, Func<JsonObject, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        string last = "";
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync(path);
            last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            if (response.IsSuccessStatusCode)
            {
                var body = JsonNode.Parse(last[4..])!.AsObject();
                if (done(body)) return body;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"GET {path} did not reach the expected state within {timeout.TotalSeconds}s; last answer: {last}");
    }
}

public static class JsonGets
{
    public static async Task<System.Text.Json.Nodes.JsonObject> GetFromJsonObjectAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadObjectAsync();
    }
}
