using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cooperation.ServiceDefaults.Messaging;

internal sealed class OutboxSaveInterceptor(OutboxSignal signal) : SaveChangesInterceptor
{
    public override ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        // Called after the transaction committed; a spurious wake-up costs one empty query.
        if (eventData.Context is not null && result > 0) signal.Notify();
        return ValueTask.FromResult(result);
    }
}
