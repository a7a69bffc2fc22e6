using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Auth;
using Cooperation.State.Configuration;
using Microsoft.Extensions.Options;

namespace Cooperation.State.Sandbox;

/// <summary>
/// Answers every request this sandbox node received, as <see cref="SandboxOptions"/> says, by calling the node's
/// own API through the gateway like a national system: acknowledge once <c>AcknowledgeAfter</c> has passed since
/// delivery, then execute, consult or deny. Each step carries an Idempotency-Key of the request and the step, so a
/// restart or a retry never does a step twice; what the rules refuse (e.g. denying an arrest request, Art 89(1))
/// is logged by its problem type and left as it is.
/// </summary>
internal sealed class SandboxResponder(
    IHttpClientFactory http, IOptions<SandboxOptions> options, IOptions<StateOptions> state, IOptions<AuthOptions> auth,
    TimeProvider clock, ILogger<SandboxResponder> log) : BackgroundService
{
    public const string Client = "sandbox";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private string? _token;
    private DateTimeOffset _tokenExpires;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sandbox = options.Value;
        log.LogWarning("SANDBOX State {State}: answering every request by itself ({Answer} after {Delay}); not a real central authority",
            state.Value.NormalizedCode, sandbox.Answer, sandbox.AcknowledgeAfter);
        using var timer = new PeriodicTimer(sandbox.PollInterval, clock);
        do
        {
            try { await AnswerAsync(sandbox, stoppingToken); }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException && !stoppingToken.IsCancellationRequested)
            {
                // The gateway may not be up yet (start order) or restarting: try again at the next tick.
                log.LogInformation("Sandbox: gateway not reachable yet ({Error})", e.GetType().Name);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task AnswerAsync(SandboxOptions sandbox, CancellationToken ct)
    {
        using var client = http.CreateClient(Client);
        client.BaseAddress = new Uri(auth.Value.Authority.EndsWith('/') ? auth.Value.Authority : auth.Value.Authority + "/");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client, sandbox, ct));
        var code = state.Value.NormalizedCode;
        // The newest page is enough for a sandbox: it answers as requests arrive.
        var page = await client.GetFromJsonAsync<Page>($"states/{code}/requests?limit=50", Json, ct);
        var now = clock.GetUtcNow();
        foreach (var request in page?.Items ?? [])
        {
            var path = $"states/{code}/requests/{request.Id}";
            switch (request.Status)
            {
                case RequestStatus.Delivered when request.DeliveredAt is { } delivered && now - delivered >= sandbox.AcknowledgeAfter:
                    await StepAsync(client, request.Id, "acknowledge", $"{path}/acknowledge", new { acknowledgedBy = SandboxOptions.AcknowledgedBy }, ct);
                    break;
                case RequestStatus.Acknowledged when sandbox.Answer == SandboxAnswer.Execute:
                    await StepAsync(client, request.Id, "execution", $"{path}/execution", null, ct);
                    break;
                case RequestStatus.InExecution when sandbox.Answer == SandboxAnswer.Execute:
                    await StepAsync(client, request.Id, "execute", $"{path}/execute", new
                    {
                        partial = false,
                        items = new[] { new { description = "Sandbox State: executed automatically", on = DateOnly.FromDateTime(now.UtcDateTime), done = true } },
                        note = "SANDBOX State: no real execution took place.",
                    }, ct);
                    break;
                case RequestStatus.Acknowledged when sandbox.Answer == SandboxAnswer.Consult:
                    await StepAsync(client, request.Id, "consult", $"{path}/consultations",
                        new { grounds = new[] { sandbox.ConsultationGround }, description = sandbox.ConsultationDescription }, ct);
                    break;
                case RequestStatus.Acknowledged when sandbox.Answer == SandboxAnswer.Deny:
                    await StepAsync(client, request.Id, "deny", $"{path}/deny",
                        new
                        {
                            ground = sandbox.DenialGround, reasons = sandbox.DenialReasons, conditionsConsidered = true,
                            concernsDocumentsOrEvidence = sandbox.DenialGround == DenialGround.NationalSecurity,
                            art72StepsTaken = sandbox.DenialGround == DenialGround.NationalSecurity,
                            originatorConsentSought = sandbox.DenialGround == DenialGround.ThirdPartyOriginatorRefused,
                        }, ct);
                    break;
            }
        }
    }

    private async Task StepAsync(HttpClient client, Guid id, string step, string path, object? body, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = body is null ? null : JsonContent.Create(body, options: Json),
        };
        message.Headers.Add("Idempotency-Key", $"sandbox-{id}-{step}");
        using var answer = await client.SendAsync(message, ct);
        if (answer.IsSuccessStatusCode)
        {
            log.LogInformation("Sandbox: {Step} on request {RequestId}", step, id);
            return;
        }
        // A refusal is the rules speaking (ids and the problem type only, never content).
        var problem = await answer.Content.ReadFromJsonAsync<Problem>(Json, ct).ConfigureAwait(false);
        log.LogWarning("Sandbox: {Step} on request {RequestId} refused: {Status} {Type}", step, id, (int)answer.StatusCode, problem?.Type);
    }

    private async Task<string> TokenAsync(HttpClient client, SandboxOptions sandbox, CancellationToken ct)
    {
        if (_token is not null && clock.GetUtcNow() < _tokenExpires) return _token;
        using var answer = await client.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = sandbox.ClientId, ["client_secret"] = sandbox.ClientSecret,
        }), ct);
        answer.EnsureSuccessStatusCode();
        var token = await answer.Content.ReadFromJsonAsync<TokenAnswer>(Json, ct) ?? throw new JsonException("empty token answer");
        _token = token.AccessToken;
        _tokenExpires = clock.GetUtcNow() + TimeSpan.FromSeconds(Math.Max(10, token.ExpiresIn - 30));
        return _token;
    }

    private sealed record Page(IReadOnlyList<Summary> Items);
    private sealed record Summary(Guid Id, RequestStatus Status, DateTimeOffset? DeliveredAt);
    private sealed record Problem(string? Type);
    private sealed record TokenAnswer([property: JsonPropertyName("access_token")] string AccessToken, [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
