using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Cooperation.ServiceDefaults.Messaging;

/// <summary>
/// Waits out a database (or the network under it) that is away — restarting, failing over, recovering from a crash —
/// by running the same attempt again every few seconds, for up to <see cref="Budget"/>, before the message is
/// anyone's problem. It sits inside MassTransit's retry filter, because two nested UseMessageRetry filters do not
/// compose: once the inner one is exhausted it hands the outer one its retry context, and the outer one gives up too
/// (MassTransit 8's RetryFilter). That is how the fault suite lost reports: a PostgreSQL stop outlasted the 2.6 s of
/// the general retry, and good messages went to the error queue while nothing was wrong with them.
/// </summary>
internal sealed class InfrastructureWaitFilter(TimeSpan interval, TimeSpan budget) : IFilter<ConsumeContext>
{
    public TimeSpan Budget => budget;

    public async Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await next.Send(context);
                return;
            }
            catch (Exception e) when (MessagingExtensions.IsTransientInfrastructureFailure(e) && !context.CancellationToken.IsCancellationRequested)
            {
                if (Stopwatch.GetElapsedTime(started) + interval > budget)
                    throw new InfrastructureUnavailableException(
                        $"The database or network stayed unavailable for {budget.TotalSeconds:F0} s ({e.GetType().Name}); nothing is wrong with the message: replay it.", e);
                // Ids and types only: the exception's message could quote a statement.
                LogContext.Warning?.Log("Message {MessageId} waits for the database ({ExceptionType}), attempt {Attempt}; trying again in {Interval} s",
                    context.MessageId, e.GetType().Name, attempt, interval.TotalSeconds);
                await Task.Delay(interval, context.CancellationToken);
            }
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("infrastructure-wait");
}

/// <summary>The database or network stayed away longer than the wait allows: not the message's fault, and not retried again at once.</summary>
public sealed class InfrastructureUnavailableException(string message, Exception inner) : Exception(message, inner);
