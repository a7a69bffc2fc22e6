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
    /// Next human reference in the organ's yearly series, e.g. REG-2026-000123. One atomic upsert,
    /// inside the caller's transaction: concurrent drafts (or several instances) wait for each
    /// other's row lock instead of failing, and a rolled-back draft gives its number back.
    /// </summary>
    public static async Task<string> NextAsync(CourtDbContext db, string prefix, DateTimeOffset now, CancellationToken ct)
    {
        var series = $"{prefix}-{now.UtcDateTime.Year}";
        // Same SQL on SQLite (3.35+) and PostgreSQL.
        var next = await db.Database.SqlQuery<int>($"""
            INSERT INTO reference_counters ("Series", "Last") VALUES ({series}, 1)
            ON CONFLICT ("Series") DO UPDATE SET "Last" = reference_counters."Last" + 1
            RETURNING "Last" AS "Value"
            """).ToListAsync(ct);
        return $"{series}-{next.Single():D6}";
    }
}
