using Cooperation.Contracts.Audit;
using Cooperation.ServiceDefaults.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cooperation.ServiceDefaults.Audit;

/// <summary>Audit:Anchor — how often the chain's head is sent to the organ that keeps it.</summary>
public sealed class AuditAnchorOptions
{
    public const string Section = "Audit:Anchor";
    /// <summary>How often the head is read and, when it moved, sent (default 1 minute).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Where this service's head goes and under what name (set in code by each service, not configured).</summary>
public sealed record AuditAnchorTarget(Uri Destination, string Service, string? StateCode = null);

public static class AuditAnchoringExtensions
{
    /// <summary>Sends the audit chain's head to <paramref name="target"/> every Audit:Anchor:Interval when it moved.</summary>
    public static IServiceCollection AddAuditAnchoring(this IServiceCollection services, AuditAnchorTarget target)
    {
        services.AddOptions<AuditAnchorOptions>().BindConfiguration(AuditAnchorOptions.Section)
            .Validate(o => o.Interval > TimeSpan.Zero && o.Interval <= TimeSpan.FromDays(1), "Audit:Anchor:Interval must be positive and at most a day")
            .ValidateOnStart();
        services.AddSingleton(target);
        services.AddHostedService<AuditAnchorPublisher>();
        return services;
    }
}

/// <summary>
/// Reads the head (sequence and hash of the newest entry) and sends it straight to the bus, not through the outbox: the
/// outbox row would itself be audited and move the head again; a lost anchor is made good by the next one. A head that
/// went back (entries cut off) is sent too — it is what the keeper must see.
/// </summary>
internal sealed class AuditAnchorPublisher(
    IServiceScopeFactory scopes, IBus bus, AuditAnchorTarget target, IOptions<AuditAnchorOptions> options, TimeProvider clock,
    ILogger<AuditAnchorPublisher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        (long Sequence, string Hash)? sent = null;
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CooperationDbContext>();
                // An empty log is anchored too (0, the genesis hash): a log emptied later is the utmost truncation.
                var head = await db.AuditLog.AsNoTracking().OrderByDescending(e => e.Sequence)
                               .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(stoppingToken)
                           ?? new { Sequence = 0L, Hash = AuditChain.Genesis };
                if (sent == (head.Sequence, head.Hash)) continue;
                var endpoint = await bus.GetSendEndpoint(target.Destination);
                await endpoint.Send(new AuditHeadAnchored
                {
                    Service = target.Service, StateCode = target.StateCode, Sequence = head.Sequence, Hash = head.Hash, At = clock.GetUtcNow(),
                }, stoppingToken);
                sent = (head.Sequence, head.Hash);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                // The broker or the database is away: the next tick tries again.
                log.LogWarning("Audit head not anchored this time ({Error}); retrying in {Interval}", e.GetType().Name, options.Value.Interval);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
