using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cooperation.Proceedings.Deadlines;

/// <summary>The hosted scheduler: polls the database on the <see cref="TimeProvider"/>'s clock. Safe to run in several instances.</summary>
internal sealed class DeadlineSchedulerService(
    DeadlineFiring firing, TimeProvider clock, IOptions<SchedulingOptions> options, ILogger<DeadlineSchedulerService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A full batch means more may be waiting: go again at once.
                while (await firing.FireDueAsync(stoppingToken) >= options.Value.BatchSize) { }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Nothing is lost: an unfired step stays due and is retried at the next poll.
                logger.LogWarning("Deadline scheduler pass failed with {ExceptionType}; retrying", e.GetType().Name);
            }

            try
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
