using System.Globalization;

namespace Cooperation.Consoles.Records;

/// <summary>One series of bars: a key for the table's cells, its name in the legend, its colour, one value per category.</summary>
public sealed record ChartSeries(string Key, string Name, string Colour, IReadOnlyList<int> Values);

/// <summary>A column the table adds beside the plotted series (a figure that is not a count, e.g. a median).</summary>
public sealed record ChartColumn(string Key, string Name, IReadOnlyList<string> Values);

/// <summary>
/// The geometry of a grouped bar chart drawn on the server as SVG: no script, so it renders in the prerender and
/// reads the same with the circuit down. Coordinates are written in the invariant culture (French writes 1,5).
/// </summary>
public sealed class BarChart(IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series)
{
    public const double Width = 640, Height = 250, Left = 40, Right = 8, Top = 16, Bottom = 34;
    private const double PlotWidth = Width - Left - Right, PlotHeight = Height - Top - Bottom;

    /// <summary>The top of the value axis: the largest value rounded up to a step of the ticks (at least 1).</summary>
    public int Max
    {
        get
        {
            var max = Math.Max(1, series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
            var step = TickStep(max);
            return (int)Math.Ceiling(max / (double)step) * step;
        }
    }

    public IEnumerable<int> Ticks
    {
        get
        {
            var step = TickStep(Max);
            for (var t = 0; t <= Max; t += step) yield return t;
        }
    }

    private static int TickStep(int max) => max <= 5 ? 1 : (int)Math.Ceiling(max / 5.0);

    public double Y(int value) => Top + PlotHeight - value / (double)Max * PlotHeight;

    private double GroupWidth => PlotWidth / Math.Max(1, categories.Count);
    private double BarWidth => Math.Min(28, GroupWidth * 0.8 / Math.Max(1, series.Count));

    public double CategoryCentre(int category) => Left + (category + 0.5) * GroupWidth;

    public double BarX(int category, int serie) =>
        Left + category * GroupWidth + (GroupWidth - BarWidth * series.Count) / 2 + serie * BarWidth;

    public string BarWidthText => N(BarWidth - 1);

    public static string N(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);
}
