using System.Diagnostics;
using System.Text.Json;
using Cooperation.ServiceDefaults.Persistence;
using Cooperation.ServiceDefaults.Telemetry;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cooperation.ServiceDefaults.Messaging;

/// <summary>
/// Sends committed outbox rows in order, with publisher confirms (MassTransit's RabbitMQ default),
/// and marks each sent only after the broker confirmed it. A crash between the two resends the
/// same message id, which the receiver's inbox ignores.
/// </summary>
internal sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    ISendEndpointProvider sendEndpoints,
    OutboxSignal signal,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private const int BatchSize = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int sent;
            try
            {
                sent = await DispatchBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("Outbox dispatch failed with {ExceptionType}; retrying", e.GetType().Name);
                sent = 0;
            }

            if (sent < BatchSize) await signal.WaitAsync(PollInterval, stoppingToken);
        }
    }

    private async Task<int> DispatchBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CooperationDbContext>();
        var pending = await db.OutboxMessages
            .Where(m => m.SentAt == null)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(ct);

        var sent = 0;
        foreach (var row in pending)
        {
            try
            {
                await SendAsync(row, ct);
                row.SentAt = clock.GetUtcNow();
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                row.Attempts++;
                row.LastError = e.GetType().FullName;
                logger.LogWarning("Outbox message {MessageId} not sent ({ExceptionType}); will retry", row.Id, e.GetType().Name);
                await db.SaveChangesAsync(ct);
                break; // keep order: later messages wait for this one
            }
            await db.SaveChangesAsync(ct);
        }
        return sent;
    }

    private async Task SendAsync(OutboxMessage row, CancellationToken ct)
    {
        var type = MessageTypes.Resolve(row.MessageType);
        var message = JsonSerializer.Deserialize(row.Body, type, MessageTypes.Json)
                      ?? throw new InvalidOperationException("Empty outbox body.");

        // Resume the trace of the call that wrote the row; MassTransit's send span becomes its child.
        ActivityContext.TryParse(row.TraceParent, row.TraceState, out var parent);
        using var activity = CooperationTelemetry.Source.StartActivity("outbox dispatch", ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", row.Id.ToString());
        activity?.SetTag("cooperation.message_type", type.Name);

        var endpoint = await sendEndpoints.GetSendEndpoint(new Uri(row.Destination));
        await endpoint.Send(message, type, context => context.MessageId = row.Id, ct);
    }
}
