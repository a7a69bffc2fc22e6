namespace Cooperation.Bench;

/// <summary>Latency samples in milliseconds; percentiles by nearest rank.</summary>
public sealed class Latencies
{
    private readonly List<double> _ms = [];

    public void Add(double ms) { lock (_ms) _ms.Add(ms); }

    public int Count { get { lock (_ms) return _ms.Count; } }

    public double Percentile(double p)
    {
        lock (_ms)
        {
            if (_ms.Count == 0) return double.NaN;
            var sorted = _ms.Order().ToList();
            var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
            return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
        }
    }
}
