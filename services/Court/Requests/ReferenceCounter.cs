using Cooperation.Court.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Court.Requests;

/// <summary>The last number given in a series such as REG-2026.</summary>
public sealed class ReferenceCounter
{
    public string Series { get; set; } = "";
    public int Last { get; set; }
}

public static class ReferenceNumbers
{
    /// <summary>
    /// Next human reference in the organ's yearly series, e.g. REG-2026-000123, staged in the
    /// caller's unit of work. <c>Last</c> is a concurrency token: two instances racing for the same
    /// number make one SaveChanges fail, and the caller retries.
    /// </summary>
    public static async Task<string> NextAsync(CourtDbContext db, string prefix, DateTimeOffset now, CancellationToken ct)
    {
        var series = $"{prefix}-{now.UtcDateTime.Year}";
        var counter = await db.ReferenceCounters.SingleOrDefaultAsync(c => c.Series == series, ct);
        if (counter is null)
        {
            counter = new ReferenceCounter { Series = series };
            db.ReferenceCounters.Add(counter);
        }
        counter.Last++;
        return $"{series}-{counter.Last:D6}";
    }
}
