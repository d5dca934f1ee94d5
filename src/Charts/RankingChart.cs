using System.Globalization;
using ScottPlot;

namespace KpiMonitor.Charts;

// The league table of units: one horizontal bar per unit in the order given (the caller ranks them),
// a dashed target line and the value at each bar's end. Height grows with the number of bars.
public static class RankingChart
{
    public const int MaxBars = 60;
    private const int BarPx = 24;

    public static int HeightFor(int barCount) => 110 + (Math.Clamp(barCount, 1, MaxBars) * BarPx);

    public static byte[] Png(
        IReadOnlyList<(string Label, double? Value)> bars,
        double? target,
        bool percentage,
        CultureInfo culture,
        int width = 900,
        int? height = null)
    {
        using var plot = Build(bars, target, percentage, culture, width);
        return ChartStyle.Png(plot, width, height ?? HeightFor(bars.Count));
    }

    public static string Svg(
        IReadOnlyList<(string Label, double? Value)> bars,
        double? target,
        bool percentage,
        CultureInfo culture,
        int width = 900,
        int? height = null)
    {
        using var plot = Build(bars, target, percentage, culture, width);
        return ChartStyle.Svg(plot, width, height ?? HeightFor(bars.Count));
    }

    private static Plot Build(
        IReadOnlyList<(string Label, double? Value)> bars, double? target, bool percentage, CultureInfo culture, int width)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var shown = bars.Take(MaxBars).ToList();
        var plot = new Plot();
        var labelChars = Math.Clamp((int)(width * 0.3 / 7.5), 12, 48);
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var barList = new List<Bar>();
        for (var i = 0; i < shown.Count; i++)
        {
            var (label, value) = shown[i];
            ticks.AddMajor(shown.Count - 1 - i, ChartFormat.Truncate(label, labelChars));
            if (value is { } v && double.IsFinite(v))
            {
                barList.Add(new Bar
                {
                    Position = shown.Count - 1 - i,
                    Value = v,
                    FillColor = ChartStyle.BarColor,
                    LineWidth = 0,
                    Size = 0.7,
                    Orientation = Orientation.Horizontal,
                });
            }
        }

        plot.Add.Bars(barList).Horizontal = true;
        if (target is { } t && double.IsFinite(t))
        {
            // Labelled on the line itself, above the bars: a legend would cost a band of height.
            var line = plot.Add.VerticalLine(t, 2.5f, ChartStyle.TargetColor, LinePattern.Dashed);
            line.LabelText = $"{ChartText.Target(culture)}: {ChartFormat.Tick(t, percentage, culture)}";
            line.LabelOppositeAxis = true;
            line.LabelFontSize = 12;
            line.LabelFontName = ChartStyle.FontName;
            line.LabelFontColor = Colors.White;
            line.LabelBackgroundColor = ChartStyle.TargetColor;
            plot.Axes.Top.MinimumSize = 30;
        }

        // Value labels go on last, with a light backing, so they stay legible where they cross the target line.
        for (var i = 0; i < shown.Count; i++)
        {
            var value = shown[i].Value is { } v && double.IsFinite(v) ? v : (double?)null;
            var text = plot.Add.Text(
                value is { } x ? ChartFormat.Value(x, percentage, culture) : ChartText.NoFigure(culture),
                Math.Max(value ?? 0, 0),
                shown.Count - 1 - i);
            text.LabelAlignment = Alignment.MiddleLeft;
            text.LabelOffsetX = 4;
            text.LabelFontSize = 12;
            text.LabelFontName = ChartStyle.FontName;
            text.LabelFontColor = value is null ? ChartStyle.MissingColor : ChartStyle.TextColor;
            text.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
            text.LabelPadding = 1;
        }

        if (shown.Count == 0)
        {
            ChartStyle.AddNoDataNote(plot, culture);
        }

        var plotPx = Math.Max(width - (labelChars * 7.5f) - 60, 120);
        SetScales(plot, shown.Select(b => b.Value ?? double.NaN).Append(target ?? double.NaN), percentage, culture, plotPx);
        plot.Axes.SetLimitsY(-0.6, Math.Max(shown.Count, 1) - 0.4);
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        if (bars.Count > shown.Count)
        {
            plot.XLabel(ChartText.MoreUnits(shown.Count, bars.Count, culture), 12);
        }

        plot.Font.Set(ChartStyle.FontName);
        plot.Axes.Color(ChartStyle.TextColor);
        return plot;
    }

    // About 80 px stay empty beyond the longest bar for its label; percentage ticks stop at 100 %.
    private static void SetScales(Plot plot, IEnumerable<double> values, bool percentage, CultureInfo culture, float plotPx)
    {
        var finite = values.Where(double.IsFinite).ToList();
        var hi = finite.Count > 0 ? Math.Max(finite.Max(), 0) : 0;
        var lo = finite.Count > 0 ? Math.Min(finite.Min(), 0) : 0;
        if (percentage)
        {
            hi = Math.Max(Math.Min(hi, 100), 10);
        }
        else if (hi <= lo)
        {
            hi = lo + 1;
        }

        var labelRoom = Math.Min(80 / plotPx, 0.5f);
        plot.Axes.SetLimitsX(lo, hi + ((hi - lo) * labelRoom / (1 - labelRoom)));
        var percentStep = plotPx < 500 ? 20 : 10;
        plot.Axes.Bottom.TickGenerator = percentage && hi >= 50
            ? new ScottPlot.TickGenerators.NumericManual(
                [.. Enumerable.Range(0, (100 / percentStep) + 1)
                    .Select(i => ScottPlot.Tick.Major(i * percentStep, ChartFormat.Tick(i * percentStep, true, culture)))])
            : new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => ChartFormat.Tick(v, percentage, culture) };
    }
}
