using System.Diagnostics;
using System.Text.Json;
using Cooperation.ServiceDefaults.Persistence;
using Cooperation.ServiceDefaults.Telemetry;
using Cooperation.ServiceDefaults.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cooperation.ServiceDefaults.Messaging;

/// <summary>
/// Sends committed outbox rows in order per destination, with publisher confirms (MassTransit's
/// RabbitMQ default), and marks them sent only after the broker confirmed them: one commit per batch,
/// different destinations sent at the same time (issue 11). A crash between the two resends the same
/// message ids, which the receivers' inboxes ignore.
/// <para>
/// Several instances of a service may run (design.md, Scale path). On PostgreSQL each batch runs in
/// a transaction that claims, with <c>FOR UPDATE SKIP LOCKED</c>, the oldest pending row ("head")
/// of each destination no other instance holds, then locks the rest of those destinations' rows:
/// one instance at a time sends a destination's messages, in order, and no row is sent by two
/// instances. If an instance dies, its transaction aborts and the rows are free again. SQLite has a
/// single writer (one instance), so it reads the same heads without locks.
/// </para>
/// <para>
/// A failed send keeps the row with <c>Attempts</c>, <c>LastError</c> (exception type only: its
/// message could quote sealed content) and <c>NextAttemptAt</c> after a capped exponential backoff;
/// later rows for that destination wait behind it, other destinations go on.
/// </para>
/// </summary>
internal sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IBus sendEndpoints,
    OutboxSignal signal,
    CrashPoints crash,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);
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

    /// <summary>Capped exponential backoff: 1 s, 2 s, 4 s … never more than 5 minutes.</summary>
    internal static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks << Math.Min(attempts - 1, 20)));

    private async Task<int> DispatchBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CooperationDbContext>();
        var now = clock.GetUtcNow();

        await using var transaction = db.Database.IsNpgsql() ? await db.Database.BeginTransactionAsync(ct) : null;
        var rows = db.Database.IsNpgsql() ? await ClaimOnPostgresAsync(db, now, ct) : await LoadOnSqliteAsync(db, now, ct);
        if (rows.Count == 0) return 0;

        // Destinations are independent streams: each sends its rows in order, one confirm at a time, while the
        // others send theirs (a travel alert is one row per State). The entities are touched by one stream each; the
        // context itself is used only after every stream has finished.
        var streams = rows.GroupBy(r => r.Destination).Select(g => SendInOrderAsync(g.ToList(), ct)).ToList();
        var sent = (await Task.WhenAll(streams)).Sum();
        // One commit marks the whole batch. A crash before it resends the batch's confirmed rows with their message
        // ids, which the receivers' inboxes drop (the same guarantee as one row, at the cost of at most a batch).
        await db.SaveChangesAsync(ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        return sent;
    }

    /// <summary>One destination's rows, oldest first; the first that fails stops the rest (order is kept).</summary>
    private async Task<int> SendInOrderAsync(List<OutboxMessage> rows, CancellationToken ct)
    {
        var sent = 0;
        foreach (var row in rows)
        {
            crash.Reached(CrashPoints.AfterCommitBeforeSend, [row.MessageType]);
            try
            {
                await SendAsync(row, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                row.Attempts++;
                row.LastError = e.GetType().FullName;
                row.NextAttemptAt = clock.GetUtcNow() + Backoff(row.Attempts);
                logger.LogWarning("Outbox message {MessageId} not sent ({ExceptionType}, attempt {Attempts}); retrying after {Backoff}",
                    row.Id, e.GetType().Name, row.Attempts, Backoff(row.Attempts));
                return sent;
            }
            crash.Reached(CrashPoints.AfterSendBeforeMark, [row.MessageType]);
            row.SentAt = clock.GetUtcNow();
            row.NextAttemptAt = null;
            sent++;
        }
        return sent;
    }

    /// <summary>Pending rows of the destinations whose head is due, oldest first.</summary>
    private static async Task<List<OutboxMessage>> LoadOnSqliteAsync(CooperationDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var pending = await db.OutboxMessages
            .Where(m => m.SentAt == null)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(ct);
        var heads = pending.GroupBy(m => m.Destination).Select(g => g.First()).ToList();
        var due = heads.Where(h => h.NextAttemptAt is null || h.NextAttemptAt <= now).Select(h => h.Destination).ToHashSet();
        return pending.Where(m => due.Contains(m.Destination)).ToList();
    }

    private static async Task<List<OutboxMessage>> ClaimOnPostgresAsync(CooperationDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        // Heads: the oldest pending row of each destination, due now, not held by another instance.
        var heads = await db.OutboxMessages.FromSqlInterpolated($"""
            SELECT o.* FROM outbox_messages o
            WHERE o."SentAt" IS NULL
              AND (o."NextAttemptAt" IS NULL OR o."NextAttemptAt" <= {now})
              AND NOT EXISTS (
                  SELECT 1 FROM outbox_messages p
                  WHERE p."SentAt" IS NULL AND p."Destination" = o."Destination"
                    AND (p."CreatedAt", p."Id") < (o."CreatedAt", o."Id"))
            ORDER BY o."CreatedAt", o."Id"
            LIMIT {BatchSize}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        if (heads.Count == 0) return [];

        // Holding a destination's head, this instance owns that destination until it commits.
        var destinations = heads.Select(h => h.Destination).Distinct().ToArray();
        return await db.OutboxMessages.FromSqlInterpolated($"""
            SELECT * FROM outbox_messages
            WHERE "SentAt" IS NULL AND "Destination" = ANY({destinations})
            ORDER BY "CreatedAt", "Id"
            LIMIT {BatchSize}
            FOR UPDATE
            """).ToListAsync(ct);
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
        RequestTags.FromMessage(activity, message);

        var endpoint = await sendEndpoints.GetSendEndpoint(new Uri(row.Destination));
        await endpoint.Send(message, type, context => context.MessageId = row.Id, ct);
    }
}
