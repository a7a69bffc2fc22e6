namespace Cooperation.ServiceDefaults.Audit;

/// <summary>
/// One line of the service's append-only audit log: who did what to which thing, when, and the
/// message involved. Ids, types and statuses only, never content (sealed requests). Each entry's
/// <see cref="Hash"/> covers its fields and the previous entry's hash, so a changed, inserted or
/// deleted entry breaks the chain (see <see cref="AuditChain"/>).
/// </summary>
public sealed class AuditEntry
{
    /// <summary>1, 2, 3 … without gaps; assigned under a lock in the transaction that writes the entry.</summary>
    public long Sequence { get; set; }
    /// <summary>UTC, whole milliseconds (what both stores keep exactly), so the hash survives a round trip.</summary>
    public DateTimeOffset At { get; set; }
    /// <summary>A partner client (<c>client:state-uga-cms</c>), a sending organ (<c>organ:registry</c>, <c>state:UGA</c>) or <c>system</c>; never a person's name.</summary>
    public string Actor { get; set; } = "";
    /// <summary>e.g. <c>cooperation-request-created</c>, <c>received-request-changed</c>, <c>message-sent</c>, <c>message-received</c>.</summary>
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public Guid? MessageId { get; set; }
    /// <summary>Statuses, versions, names of changed fields, a destination: never a field's content.</summary>
    public string? Detail { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}

/// <summary>
/// A row that is the audit's own bookkeeping, like another service's anchored head (issue 12): not audited, since
/// auditing it would move the very head it records — and two organs keeping each other's heads would never rest.
/// </summary>
public interface IAuditBookkeeping;
