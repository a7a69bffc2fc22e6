using Cooperation.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cooperation.ServiceDefaults.Idempotency;

/// <summary>Deletes expired Idempotency-Key answers. Safe on every instance: the delete is idempotent.</summary>
internal sealed class IdempotencyPurger(IServiceScopeFactory scopes, TimeProvider clock, ILogger<IdempotencyPurger> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CooperationDbContext>();
                var now = clock.GetUtcNow();
                var purged = await db.IdempotencyRecords.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(stoppingToken);
                if (purged > 0) logger.LogInformation("Purged {Count} expired idempotency keys", purged);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Purging expired idempotency keys failed with {ExceptionType}", e.GetType().Name);
            }
        }
    }
}
