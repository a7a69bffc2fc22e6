using System.Data.Common;
using Cooperation.ServiceDefaults.Persistence;
using Cooperation.ServiceDefaults.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cooperation.ServiceDefaults.Messaging;

/// <summary>
/// Watches every unit of work: wakes the dispatcher once a commit has made outbox rows visible, and
/// hosts the commit-related crash points used by the crash tests (no-ops unless configured).
/// A unit of work is either SaveChanges on its own (EF's own transaction) or several SaveChanges
/// inside an explicit transaction (the Idempotency-Key filter's), so "committed" is decided at the
/// transaction when there is one.
/// </summary>
internal sealed class OutboxSaveInterceptor(OutboxSignal signal, CrashPoints crash) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    public ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CooperationDbContext db)
        {
            var tracker = db.ChangeTracker;
            var staged = tracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.MessageType).ToList();
            db.UnitOfWork.StagedOutbox |= staged.Count > 0;
            (db.UnitOfWork.StagedMessageTypes ??= []).AddRange(staged);
            db.UnitOfWork.StagedInbox |= tracker.Entries<ProcessedMessage>().Any(e => e.State == EntityState.Added);
        }
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).GetAwaiter().GetResult();

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        // Without an open transaction the save is already durable (EF's own transaction committed,
        // or there was a single statement); inside one, TransactionCommitted decides.
        if (eventData.Context is CooperationDbContext db && db.Database.CurrentTransaction is null) Committed(db);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).GetAwaiter().GetResult();

    public ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CooperationDbContext { UnitOfWork.StagedOutbox: true } db)
            crash.Reached(CrashPoints.BeforeCommit, db.UnitOfWork.StagedMessageTypes ?? []);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result) =>
        TransactionCommittingAsync(transaction, eventData, result).GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CooperationDbContext db) Committed(db);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        TransactionCommittedAsync(transaction, eventData).GetAwaiter().GetResult();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CooperationDbContext db) db.UnitOfWork = default;
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        TransactionRolledBackAsync(transaction, eventData).GetAwaiter().GetResult();

    private void Committed(CooperationDbContext db)
    {
        var unit = db.UnitOfWork;
        db.UnitOfWork = default;
        if (unit.StagedOutbox) signal.Notify();
        // The consumer's change and its inbox row are durable; MassTransit has not acked the message yet.
        if (unit.StagedInbox) crash.Reached(CrashPoints.ConsumerAfterCommit);
    }
}

/// <summary>What the current unit of work of one DbContext has written so far.</summary>
internal struct UnitOfWorkWrites
{
    public bool StagedOutbox;
    /// <summary>The types of the messages staged in this unit of work (for the crash tests' message filter).</summary>
    public List<string>? StagedMessageTypes;
    public bool StagedInbox;
}
