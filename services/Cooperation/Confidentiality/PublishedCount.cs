namespace Cooperation.Confidentiality;

/// <summary>
/// Disclosure control for public figures (issue 9 §4). Only Public items are ever counted, so no sealed or
/// confidential item can enter a figure; on top of that, a count below the minimum is not shown at all, and a
/// shown count is rounded down to a multiple of the minimum: every published figure, and every difference of two
/// published figures (between two cells or two readings), is then zero or at least the minimum, so no difference
/// isolates one item.
/// </summary>
public static class PublishedCount
{
    /// <summary>The figure to publish for <paramref name="count"/> items, or null (suppressed) when fewer than <paramref name="minimum"/>.</summary>
    public static int? Of(int count, int minimum)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimum, 1);
        return count < minimum ? null : count / minimum * minimum;
    }
}
