using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cooperation.ServiceDefaults.Audit;

/// <summary>The hash chain: how an entry's hash is computed, and how a stored chain is checked.</summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    public const int MaxActor = 200, MaxAction = 64, MaxEntityType = 128, MaxEntityId = 200, MaxDetail = 512;

    /// <summary>
    /// SHA-256 (hex) over the canonical form: every field length-prefixed, so no two different
    /// entries share a form ("ab"+"c" differs from "a"+"bc"), then the previous hash.
    /// </summary>
    public static string HashOf(AuditEntry e)
    {
        var canonical = new StringBuilder();
        foreach (var field in new[]
                 {
                     "v1",
                     e.Sequence.ToString(CultureInfo.InvariantCulture),
                     FormatTime(e.At),
                     e.Actor,
                     e.Action,
                     e.EntityType,
                     e.EntityId,
                     e.MessageId?.ToString("D") ?? "",
                     e.Detail ?? "",
                     e.PreviousHash,
                 })
            canonical.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    /// <summary>
    /// UTC in whole milliseconds: what both stores give back exactly (PostgreSQL keeps microseconds,
    /// SQLite's binary DateTimeOffset a tenth of a millisecond), so a stored entry hashes the same.
    /// </summary>
    public static DateTimeOffset Truncate(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }

    private static string FormatTime(DateTimeOffset at) =>
        Truncate(at).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Walks the stored entries in sequence order and stops at the first break: a missing sequence
    /// number (deleted), an entry that does not follow its predecessor's hash (inserted), or an
    /// entry whose fields no longer give its hash (changed).
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(IAsyncEnumerable<AuditEntry> entries, CancellationToken ct = default)
    {
        long count = 0;
        AuditEntry? previous = null;
        await foreach (var entry in entries.WithCancellation(ct))
        {
            var expectedSequence = (previous?.Sequence ?? 0) + 1;
            var expectedPrevious = previous?.Hash ?? Genesis;
            AuditBreak? broken = null;
            if (entry.Sequence != expectedSequence)
                broken = entry.Sequence > expectedSequence
                    ? new AuditBreak(expectedSequence, "deleted",
                        $"Entries {expectedSequence} to {entry.Sequence - 1} are missing: entry {entry.Sequence} follows entry {expectedSequence - 1}.")
                    : new AuditBreak(entry.Sequence, "inserted", $"Entry {entry.Sequence} is out of sequence.");
            else if (!string.Equals(entry.PreviousHash, expectedPrevious, StringComparison.Ordinal))
                broken = new AuditBreak(entry.Sequence, "inserted",
                    $"Entry {entry.Sequence} does not follow the hash of entry {expectedSequence - 1}: it was inserted, or an earlier entry was rewritten.");
            else if (!string.Equals(HashOf(entry), entry.Hash, StringComparison.Ordinal))
                broken = new AuditBreak(entry.Sequence, "changed",
                    $"Entry {entry.Sequence}'s fields no longer give its hash: it was changed after it was written.");

            if (broken is not null) return new AuditVerification(false, count, broken, Head(previous));
            count++;
            previous = entry;
        }
        return new AuditVerification(true, count, null, Head(previous));
    }

    private static AuditHead? Head(AuditEntry? last) => last is null ? null : new AuditHead(last.Sequence, last.Hash);
}

/// <summary>The answer of <c>GET /operations/audit/verify</c>.</summary>
/// <param name="Ok">True if every entry is intact and in its place.</param>
/// <param name="Entries">How many entries were verified (up to the first break).</param>
/// <param name="FirstBroken">Where and why the chain breaks first; null when it is intact.</param>
/// <param name="Head">The last intact entry: record it elsewhere to detect a later truncation of the tail.</param>
public sealed record AuditVerification(bool Ok, long Entries, AuditBreak? FirstBroken, AuditHead? Head);

/// <param name="Problem">deleted, inserted or changed.</param>
public sealed record AuditBreak(long Sequence, string Problem, string Detail);

public sealed record AuditHead(long Sequence, string Hash);
