using Cooperation.Confidentiality;

namespace Cooperation.Tests.NonCompliance;

public class PublishedCountTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    public void No_cell_below_the_minimum_count_is_shown_not_even_zero(int count) => Assert.Null(PublishedCount.Of(count, 5));

    [Theory]
    [InlineData(5, 5)]
    [InlineData(6, 5)]
    [InlineData(9, 5)]
    [InlineData(10, 10)]
    [InlineData(23, 20)]
    public void A_shown_count_is_rounded_down_to_a_multiple_of_the_minimum(int count, int shown) => Assert.Equal(shown, PublishedCount.Of(count, 5));

    [Fact]
    public void No_difference_of_two_published_figures_is_below_the_minimum_unless_zero()
    {
        var published = Enumerable.Range(0, 200).Select(n => PublishedCount.Of(n, 5)).OfType<int>().Distinct().ToList();
        foreach (var a in published)
        foreach (var b in published)
            Assert.True(a == b || Math.Abs(a - b) >= 5, $"{a} - {b}");
    }

    [Fact]
    public void One_more_item_never_moves_a_figure_by_less_than_the_minimum()
    {
        for (var n = 0; n < 200; n++)
        {
            var before = PublishedCount.Of(n, 5) ?? 0;
            var after = PublishedCount.Of(n + 1, 5) ?? 0;
            Assert.True(after == before || after - before == 5, $"{n}: {before} → {after}");
        }
    }
}
