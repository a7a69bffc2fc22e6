using System.Diagnostics.Metrics;
using Cooperation.Court.Persistence;
using Cooperation.Proceedings.Webhooks;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cooperation.Court.Requests.Evidence.Signals;

/// <summary>
/// Raises a warning, then an overdue signal, when a transmitted request is not Delivered, or a
/// delivered one not Acknowledged, in time: once each, on the request (its view shows the signal), a log line (ids only)
/// and a metric (tagged by signal, organ and State code, never by content). Safe with several
/// instances: a signal is recorded under the request's concurrency token, so only one wins.
/// </summary>
internal sealed class EvidenceWatch(
    IServiceScopeFactory scopes, IOptions<EvidenceOptions> options, CourtOrgan organ, TimeProvider clock, ILogger<EvidenceWatch> logger)
    : BackgroundService
{
    private static readonly Counter<long> Signals =
        CooperationTelemetry.Meter.CreateCounter<long>("cooperation.evidence.signals", description: "Evidence warnings and overdue signals raised");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckInterval, clock);
        do
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Evidence check failed ({ExceptionType}); next check in {Interval}", e.GetType().Name, options.Value.CheckInterval);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task CheckAsync(CancellationToken ct)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CourtDbContext>();
        var overdue = new List<(CooperationRequest Request, string Signal)>();
        var waiting = await db.Requests.Include(r => r.History)
            .Where(r => (r.Status == RequestStatus.Transmitted && r.DeliveryOverdueAt == null)
                        || (r.Status == RequestStatus.Delivered && r.AcknowledgementOverdueAt == null))
            .ToListAsync(ct);

        foreach (var r in waiting)
        {
            if (r.Status == RequestStatus.Transmitted && r.SubmittedAt is { } submitted)
            {
                if (r.DeliveryWarningAt is null && now - submitted >= o.DeliveryWarning) Raise(r, "delivery-warning", now, x => x.DeliveryWarningAt = now);
                if (now - submitted >= o.DeliveryOverdue) overdue.Add((Raise(r, "delivery-overdue", now, x => x.DeliveryOverdueAt = now), "delivery-overdue"));
            }
            else if (r.Status == RequestStatus.Delivered && r.DeliveredAt is { } delivered)
            {
                if (r.AcknowledgementWarningAt is null && now - delivered >= o.AcknowledgementWarning)
                    Raise(r, "acknowledgement-warning", now, x => x.AcknowledgementWarningAt = now);
                if (now - delivered >= o.AcknowledgementOverdue)
                    overdue.Add((Raise(r, "acknowledgement-overdue", now, x => x.AcknowledgementOverdueAt = now), "acknowledgement-overdue"));
            }
        }
        // Issue 14: the desk's systems hear of an overdue request in the same commit as the signal (ids and the signal only).
        var webhooks = scope.ServiceProvider.GetRequiredService<IWebhookQueue>();
        foreach (var (r, signal) in overdue)
            await webhooks.QueueAsync(WebhookEvents.RequestOverdue,
                new WebhookEventData(r.Id, r.Version, $"{organ.RoutePrefix}/requests/{r.Id}") { Signal = signal }, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another instance or a consumer changed one of them first; the next check sees the new state.
        }
    }

    private CooperationRequest Raise(CooperationRequest r, string signal, DateTimeOffset now, Action<CooperationRequest> mark)
    {
        mark(r);
        r.Revision++;
        Signals.Add(1, new("signal", signal), new("organ", organ.Organ.ToString()), new("state", r.StateCode));
        logger.LogWarning("Request {RequestId} to {StateCode}: {Signal}", r.Id, r.StateCode, signal);
        return r;
    }
}
