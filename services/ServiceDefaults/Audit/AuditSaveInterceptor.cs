using System.Text.Json;
using Cooperation.ServiceDefaults.Idempotency;
using Cooperation.ServiceDefaults.Messaging;
using Cooperation.ServiceDefaults.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cooperation.ServiceDefaults.Audit;

/// <summary>
/// Appends the audit entries of a unit of work inside the same transaction as the change they
/// describe: one per added, changed or deleted row of the service's own tables, one per staged
/// outbox message (message-sent) and one per inbox row (message-received). Outbox bookkeeping
/// (sent marks), idempotency records, the audit log itself and its bookkeeping (<see cref="IAuditBookkeeping"/>) are not audited.
/// <para>
/// Chaining needs the previous hash, so appends are serialized: the interceptor opens a
/// transaction if the caller has none (SQLite's begins IMMEDIATE: one writer per file) and, on
/// PostgreSQL, locks the audit table against other writers until that transaction ends (readers,
/// such as the verifier, are not blocked).
/// </para>
/// </summary>
internal sealed class AuditSaveInterceptor(TimeProvider clock, IHttpContextAccessor http) : ISaveChangesInterceptor
{
    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not CooperationDbContext db) return result;
        var facts = Collect(db);
        if (facts.Count == 0) return result;

        var audit = db.Audit;
        if (db.Database.CurrentTransaction is null)
            audit.OwnTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE audit_log IN EXCLUSIVE MODE", cancellationToken);

        var last = await db.AuditLog.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var sequence = last?.Sequence ?? 0;
        var previous = last?.Hash ?? AuditChain.Genesis;
        var at = AuditChain.Truncate(clock.GetUtcNow());
        var actor = Limit(audit.Actor ?? (http.HttpContext?.User is { Identity.IsAuthenticated: true } user
            ? AuditActors.OfClient(user)
            : AuditActors.System), AuditChain.MaxActor);

        var entries = new List<AuditEntry>(facts.Count);
        foreach (var fact in facts)
        {
            var entry = new AuditEntry
            {
                Sequence = ++sequence,
                At = at,
                Actor = actor,
                Action = Limit(fact.Action, AuditChain.MaxAction),
                EntityType = Limit(fact.EntityType, AuditChain.MaxEntityType),
                EntityId = Limit(fact.EntityId, AuditChain.MaxEntityId),
                MessageId = fact.MessageId,
                Detail = fact.Detail is null ? null : Limit(fact.Detail, AuditChain.MaxDetail),
                PreviousHash = previous,
            };
            entry.Hash = AuditChain.HashOf(entry);
            previous = entry.Hash;
            entries.Add(entry);
        }
        db.AuditLog.AddRange(entries);
        audit.Pending = entries;
        return result;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CooperationDbContext db)
        {
            db.Audit.Pending = null;
            if (db.Audit.OwnTransaction is { } transaction)
            {
                db.Audit.OwnTransaction = null;
                await transaction.CommitAsync(cancellationToken);
                await transaction.DisposeAsync();
            }
        }
        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not CooperationDbContext db) return;
        // A retried SaveChanges must not carry entries chained to a head that never committed.
        foreach (var entry in db.Audit.Pending ?? []) db.Entry(entry).State = EntityState.Detached;
        db.Audit.Pending = null;
        if (db.Audit.OwnTransaction is { } transaction)
        {
            db.Audit.OwnTransaction = null;
            await transaction.RollbackAsync(CancellationToken.None);
            await transaction.DisposeAsync();
        }
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) =>
        SaveChangesFailedAsync(eventData).GetAwaiter().GetResult();

    private readonly record struct Fact(string Action, string EntityType, string EntityId, Guid? MessageId, string? Detail);

    private static List<Fact> Collect(CooperationDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        var facts = new List<Fact>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            switch (entry.Entity)
            {
                case AuditEntry or IdempotencyRecord or IAuditBookkeeping:
                    continue;
                case OutboxMessage message:
                    if (entry.State == EntityState.Added)
                        facts.Add(new Fact("message-sent", ShortTypeName(message.MessageType), RequestIdOf(message.Body) ?? "",
                            message.Id, "to=" + message.Destination));
                    continue;
                case ProcessedMessage processed:
                    if (entry.State == EntityState.Added)
                        facts.Add(new Fact("message-received", "inbox", processed.Consumer, processed.MessageId, null));
                    continue;
                default:
                    facts.Add(Describe(entry));
                    continue;
            }
        }
        return facts;
    }

    /// <summary>Type, key and statuses of a row; of a changed row also the names (never the values) of what changed.</summary>
    private static Fact Describe(EntityEntry entry)
    {
        var type = entry.Metadata.ClrType.Name;
        var verb = entry.State switch { EntityState.Added => "created", EntityState.Deleted => "deleted", _ => "changed" };
        var key = entry.Metadata.FindPrimaryKey() is { } pk
            ? string.Join('/', pk.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)))
            : "";

        var detail = new List<string>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            var clr = Nullable.GetUnderlyingType(property.Metadata.ClrType) ?? property.Metadata.ClrType;
            // Only enum-typed statuses and integer versions are safe to copy: they cannot carry content.
            var safe = (clr.IsEnum && name.EndsWith("Status", StringComparison.Ordinal)) || (name == "Version" && clr == typeof(int));
            if (entry.State == EntityState.Modified && property.IsModified)
                detail.Add(safe ? $"{name}: {property.OriginalValue} -> {property.CurrentValue}" : name);
            else if (entry.State == EntityState.Added && safe)
                detail.Add($"{name}: {property.CurrentValue}");
        }
        return new Fact($"{Kebab(type)}-{verb}", type, key, null, detail.Count == 0 ? null : string.Join("; ", detail));
    }

    /// <summary>The request a message is about, from its requestId field (an id, not content).</summary>
    private static string? RequestIdOf(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object
                   && json.RootElement.TryGetProperty("requestId", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string ShortTypeName(string assemblyQualified)
    {
        var name = assemblyQualified.Split(',')[0];
        return name[(name.LastIndexOf('.') + 1)..];
    }

    private static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string Limit(string value, int max) => value.Length <= max ? value : value[..max];
}
