using System.Net.Http.Headers;
using System.Text;
using Cooperation.Proceedings.Persistence;
using Cooperation.ServiceDefaults.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cooperation.Proceedings.Webhooks;

/// <summary>
/// Delivers queued events: per subscription only the lowest pending sequence is attempted, so a subscription hears
/// its events in order (a dead one no longer holds the others back; a replay sends it again later). A failure waits
/// a capped, doubling delay; after the last attempt the event is dead until the partner replays it. Each attempt is
/// claimed in the database first (the attempt count is the concurrency token), so several instances never send the
/// same attempt twice and nothing needs memory that another instance would lack.
/// </summary>
internal sealed class WebhookDispatcher(
    IServiceScopeFactory scopes, IHttpClientFactory http, WebhookSignal signal, TimeProvider clock, IOptions<WebhookOptions> options,
    CrashPoints crash, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "webhooks";
    private const int Batch = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = await PassAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Nothing is lost: the deliveries stay queued and the next pass tries again.
                logger.LogWarning("Webhook dispatch pass failed with {ExceptionType}; retrying", e.GetType().Name);
                wait = options.Value.PollInterval;
            }
            await signal.WaitAsync(wait, stoppingToken);
        }
    }

    /// <summary>One pass over the subscriptions' heads; returns how long to wait before the next one.</summary>
    private async Task<TimeSpan> PassAsync(CancellationToken ct)
    {
        List<Guid> due;
        var poll = options.Value.PollInterval;
        var wait = poll;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProceedingsDbContext>();
            // Each subscription's head: its lowest pending sequence (a node has few subscriptions, Webhooks:MaxSubscriptions).
            var firsts = await db.WebhookDeliveries.AsNoTracking()
                .Where(d => d.DeliveredAt == null && d.DeadAt == null)
                .GroupBy(d => d.SubscriptionId)
                .Select(g => new { SubscriptionId = g.Key, Sequence = g.Min(d => d.Sequence) })
                .ToListAsync(ct);
            var heads = new List<(Guid Id, DateTimeOffset NextAttemptAt)>();
            foreach (var first in firsts)
            {
                var head = await db.WebhookDeliveries.AsNoTracking()
                    .Where(d => d.SubscriptionId == first.SubscriptionId && d.Sequence == first.Sequence)
                    .Select(d => new { d.Id, d.NextAttemptAt }).SingleOrDefaultAsync(ct);
                if (head is not null) heads.Add((head.Id, head.NextAttemptAt)); // else delivered meanwhile by another instance
            }
            var now = clock.GetUtcNow();
            due = heads.Where(h => h.NextAttemptAt <= now).Take(Batch).Select(h => h.Id).ToList();
            var next = heads.Where(h => h.NextAttemptAt > now).Select(h => h.NextAttemptAt - now).DefaultIfEmpty(poll).Min();
            wait = next < poll ? next : poll;
        }
        // Subscriptions do not wait for one another: a slow receiver holds back only its own events.
        await Task.WhenAll(due.Select(id => AttemptAsync(id, ct)));
        return due.Count > 0 ? TimeSpan.Zero : wait;
    }

    private async Task AttemptAsync(Guid deliveryId, CancellationToken ct)
    {
        var o = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProceedingsDbContext>();
        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == deliveryId, ct);
        if (delivery is null || delivery.DeliveredAt is not null || delivery.DeadAt is not null) return;
        var subscription = await db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == delivery.SubscriptionId, ct);
        if (subscription is null) return;

        // Claim the attempt: counted and pushed past the call's timeout before the call, so a crash mid-call retries later.
        var now = clock.GetUtcNow();
        delivery.Attempts++;
        delivery.NextAttemptAt = now + o.CallTimeout + o.PollInterval;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return; } // another instance took this attempt

        string? failure;
        if (!WebhookRules.HostAllowed(subscription.Url, o)) failure = "host not in Webhooks:AllowedHosts";
        else failure = await CallAsync(subscription, delivery, now, ct);

        now = clock.GetUtcNow();
        // A crash here (the receiver has it, the mark is not saved) sends it again after restart: at least once.
        if (failure is null) crash.Reached(CrashPoints.WebhookAfterCallBeforeMark);
        if (failure is null)
        {
            delivery.DeliveredAt = now;
            delivery.LastError = null;
        }
        else
        {
            delivery.LastError = failure.Length > 256 ? failure[..256] : failure;
            if (delivery.Attempts >= o.MaxAttempts) delivery.DeadAt = now;
            else delivery.NextAttemptAt = now + o.RetryDelayAfter(delivery.Attempts);
            logger.LogInformation("Webhook delivery {DeliveryId} of subscription {SubscriptionId} failed (attempt {Attempt}): {Failure}",
                delivery.Id, delivery.SubscriptionId, delivery.Attempts, delivery.LastError);
        }
        // The same attempt count as claimed, so nobody else changed the row meanwhile; gone only if the partner
        // removed the subscription during the call (its events went with it).
        try { await db.SaveChangesAsync(CancellationToken.None); }
        catch (DbUpdateConcurrencyException) { }
    }

    /// <summary>One signed POST; null when the receiver answered 2xx, else what went wrong (no answer body is kept).</summary>
    private async Task<string?> CallAsync(WebhookSubscription subscription, WebhookDelivery delivery, DateTimeOffset now, CancellationToken ct)
    {
        var timestamp = now.ToUnixTimeSeconds();
        var secrets = new List<string> { subscription.Secret };
        if (subscription.PreviousSecret is { } previous && subscription.PreviousSecretValidUntil > now) secrets.Add(previous);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(WebhookSignature.IdHeader, delivery.Id.ToString());
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Header(secrets, timestamp, delivery.Payload));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.CallTimeout);
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return "timed out";
        }
        catch (HttpRequestException e)
        {
            return e.HttpRequestError.ToString();
        }
    }
}
