using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Cooperation.EndToEnd.Tests.Platform;

namespace Cooperation.EndToEnd.Tests.Partners.Webhooks;

/// <summary>One call as the receiver got it: the three webhook headers and the raw body.</summary>
public sealed record WebhookCall(string? Id, string? Timestamp, string? Signature, string Body, int AnsweredWith)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();
    public string Event => (string)Json["event"]!;
    public long Sequence => (long)Json["sequence"]!;
    public string RequestId => (string)Json["requestId"]!;
}

/// <summary>
/// A partner's webhook endpoint, as small as one can be: an HttpListener on 127.0.0.1 that records every call and
/// answers with <see cref="AnswerWith"/> (200, or 503 while "down"). Its port is registered with the platform, so
/// the outbound-connection test knows the nodes' calls to it are webhook deliveries (Webhooks:AllowedHosts).
/// </summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<WebhookCall> _calls = new();
    private readonly Task _loop;

    public WebhookReceiver(PlatformFixture platform)
    {
        Port = ServiceProcess.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        platform.WebhookReceiverPorts.Add(Port);
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}/hooks";
    public volatile int AnswerWith = 200;

    public IReadOnlyList<WebhookCall> Calls => _calls.ToList();
    /// <summary>The calls it answered 2xx, in arrival order.</summary>
    public IReadOnlyList<WebhookCall> Accepted => _calls.Where(c => c.AnsweredWith is >= 200 and < 300).ToList();

    public async Task<IReadOnlyList<WebhookCall>> WaitForAsync(Func<IReadOnlyList<WebhookCall>, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var calls = Calls;
            if (done(calls)) return calls;
            await Task.Delay(100);
        }
        throw new TimeoutException($"The receiver did not get {what} within {timeout.TotalSeconds}s; it got: " +
                                   string.Join(" | ", Calls.Select(c => $"{c.AnsweredWith} {c.Body}")));
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                var body = await reader.ReadToEndAsync();
                var status = AnswerWith;
                _calls.Enqueue(new WebhookCall(context.Request.Headers["Webhook-Id"], context.Request.Headers["Webhook-Timestamp"],
                    context.Request.Headers["Webhook-Signature"], body, status));
                context.Response.StatusCode = status;
                context.Response.Close();
            }
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }
}
