using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Cooperation.Bench;

/// <summary>A partner system on the gateway: its token (client credentials) and JSON calls with an Idempotency-Key.</summary>
public sealed class Partner : IDisposable
{
    private readonly HttpClient _http;

    private Partner(HttpClient http) => _http = http;

    public static async Task<Partner> SignInAsync(Uri gateway, string clientId, string secret)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(60) };
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
        }));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"no token for {clientId}: {(int)response.StatusCode} {body}");
        var token = (string)JsonNode.Parse(body)!["access_token"]!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new Partner(http) { Token = token };
    }

    public string Token { get; private init; } = "";

    public async Task<JsonNode> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    public async Task<JsonNode?> PostAsync(string path, object? body)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        message.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await _http.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    public void Dispose() => _http.Dispose();

    public static object ArrestRequest(string stateCode) => new
    {
        kind = "ArrestAndSurrender",
        stateCode,
        classification = "Confidential",
        language = "en",
        readers = new[] { "chamber:PTC-II" },
        contents = new
        {
            person = new { name = "Fictitious Person B", description = "Bench" },
            probableLocation = "Capital district",
            warrant = new { reference = $"ICC-01/99-01/26-B{Guid.NewGuid():N}"[..40], title = "Warrant of arrest", sha256 = new string('a', 64) },
        },
    };
}
