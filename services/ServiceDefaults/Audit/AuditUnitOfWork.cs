using Microsoft.EntityFrameworkCore.Storage;

namespace Cooperation.ServiceDefaults.Audit;

/// <summary>What the audit interceptor holds for one DbContext during one SaveChanges.</summary>
internal sealed class AuditUnitOfWork
{
    /// <summary>Who acts when it is not a partner's HTTP call (set by the inbox for a consumed message).</summary>
    public string? Actor;
    /// <summary>Entries staged by the current SaveChanges, removed again if it fails.</summary>
    public List<AuditEntry>? Pending;
    /// <summary>The transaction the interceptor opened because the caller had none; committed after the save.</summary>
    public IDbContextTransaction? OwnTransaction;
}
