namespace KpiMonitor.Charts;

// The value axis always includes the targets and their warning band, so a target the data never reaches
// is still on the chart. Percentages stay within 0–100 % plus a sliver, so 100 % is not drawn on the frame.
internal readonly record struct ValueRange(double Min, double Max)
{
    private const double PercentSliver = 1.5;

    public static ValueRange Of(IEnumerable<double> values, bool percentage)
    {
        var finite = values.Where(double.IsFinite).ToList();
        if (finite.Count == 0)
        {
            return percentage ? new ValueRange(-PercentSliver, 100 + PercentSliver) : new ValueRange(0, 1);
        }

        double lo = finite.Min(), hi = finite.Max();
        var span = hi - lo;
        if (span < 1e-9)
        {
            span = Math.Max(Math.Abs(hi) * 0.2, percentage ? 10 : 1);
        }

        var pad = span * 0.1;
        var min = lo - pad;
        var max = hi + pad;
        if (lo >= 0 && min < 0)
        {
            min = 0;
        }

        if (percentage)
        {
            min = Math.Max(min, 0);
            max = Math.Min(max, 100);
            min = min <= 0 ? -PercentSliver : min;
            max = max >= 100 ? 100 + PercentSliver : max;
        }
        else if (min == 0)
        {
            min = -pad * 0.4;
        }

        return new ValueRange(min, max);
    }
}
