using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cooperation.Consoles.Signin;
using Microsoft.AspNetCore.Components.Authorization;

namespace Cooperation.Consoles.Gateway;

/// <summary>
/// The console's only way to the platform: the gateway's public API, with the signed-in person's
/// access token, exactly as a partner system calls it. No service is reached directly.
/// </summary>
public sealed class GatewayApi(HttpClient http, AuthenticationStateProvider authentication)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<DeskPerson?> PersonAsync() => DeskPerson.From((await authentication.GetAuthenticationStateAsync()).User);

    public Task<ApiAnswer> GetAsync(string path, CancellationToken ct = default) => SendAsync(HttpMethod.Get, path, null, ct);

    /// <summary>A command: always with a fresh Idempotency-Key, so a retried click is not done twice by the API.</summary>
    public Task<ApiAnswer> PostAsync(string path, object? body, CancellationToken ct = default) => SendAsync(HttpMethod.Post, path, body, ct);

    private async Task<ApiAnswer> SendAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        var person = await PersonAsync();
        if (person is null || person.ExpiresAt <= DateTimeOffset.UtcNow) return ApiAnswer.SessionEnded;
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", person.AccessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (method == HttpMethod.Post)
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            request.Content = JsonContent.Create(body ?? new { }, options: Json);
        }
        try
        {
            using var response = await http.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            JsonNode? node = null;
            if (text.Length > 0 && response.Content.Headers.ContentType?.MediaType is { } media && media.Contains("json"))
                node = JsonNode.Parse(text);
            return new ApiAnswer(response.StatusCode, node);
        }
        catch (HttpRequestException)
        {
            return ApiAnswer.Unreachable;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return ApiAnswer.Unreachable;
        }
    }
}

/// <summary>An API answer: its status and JSON body; for a ProblemDetails, its errors by field.</summary>
public sealed record ApiAnswer(HttpStatusCode Status, JsonNode? Body)
{
    public static readonly ApiAnswer SessionEnded = new(HttpStatusCode.Unauthorized, null);
    public static readonly ApiAnswer Unreachable = new(HttpStatusCode.ServiceUnavailable, null);

    public bool Ok => (int)Status is >= 200 and < 300;
    public JsonObject Object => Body as JsonObject ?? [];

    /// <summary>RFC 9457 "errors": field → messages, as the API names the fields (e.g. contents.person.name).</summary>
    public IReadOnlyDictionary<string, string[]> Errors =>
        Body?["errors"] is JsonObject errors
            ? errors.ToDictionary(e => e.Key, e => e.Value is JsonArray a ? a.Select(m => (string?)m ?? "").ToArray() : [e.Value?.ToString() ?? ""])
            : new Dictionary<string, string[]>();

    /// <summary>The problem's own words (detail, else title), for errors that name no field.</summary>
    public string? Detail => (string?)Body?["detail"] ?? (string?)Body?["title"];
}

public static class GatewayApiExtensions
{
    public static IServiceCollection AddGatewayApi(this IServiceCollection services, ConsoleOptions options)
    {
        services.AddHttpClient<GatewayApi>(http =>
        {
            http.BaseAddress = options.Gateway;
            http.Timeout = TimeSpan.FromSeconds(20);
        });
        return services;
    }
}
