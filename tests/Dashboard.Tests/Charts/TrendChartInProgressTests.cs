using KpiMonitor.Charts;
using KpiMonitor.Dashboard.Charts;
using KpiMonitor.Shared.Periods;
using ScottPlot;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Dashboard.Tests.Charts;

// The period still in progress (a month-to-date count) is drawn apart from the finished ones, in shapes that a
// greyscale print keeps: a hollow marker at the end of a dashed segment, and its own legend entry.
public sealed class TrendChartInProgressTests
{
    // The same 24 months, the last one in progress and, being month-to-date, far below the others; no target, so the
    // only dark ink between the last two figures is the value line.
    private static TrendChartData Running() => ChartSamples.OnlineDossierRate() with
    {
        Points = [.. ChartSamples.RisingMonths().Select((p, i) => i == 23 ? p with { Value = 30, InProgress = true } : p)],
        Targets = [],
    };

    private static TrendChartData Finished(TrendChartData data) =>
        data with { Points = [.. data.Points.Select(p => p with { InProgress = false })] };

    [Fact]
    public void Png_PeriodInProgress_IsAHollowMarker_ReachedByADashedSegment()
    {
        var (running, last, before) = Render(Running(), "trend-in-progress.png");
        var (finished, finishedLast, finishedBefore) = Render(Finished(Running()), "trend-in-progress-finished.png");

        // Hollow: white at the centre, the line's grey on the ring; the finished month is a filled dot.
        Assert.True(running.Luminance(last.X, last.Y) > 230, $"centre of the in-progress marker: grey {running.Luminance(last.X, last.Y):F0}");
        Assert.True(Ring(running, last, 5).Count(g => g < 170) >= 6, "no dark ring around the in-progress marker");
        Assert.True(finished.Luminance(finishedLast.X, finishedLast.Y) < 170, $"centre of the finished marker: grey {finished.Luminance(finishedLast.X, finishedLast.Y):F0}");

        // Dashed: along the segment some stretches are inked and some are not; the finished segment is inked all along.
        double inked = InkedShare(running, before, last);
        Assert.InRange(inked, 0.25, 0.85);
        Assert.True(InkedShare(finished, finishedBefore, finishedLast) > 0.95, "the finished segment is not solid");
    }

    [Fact]
    public void Svg_PeriodInProgress_HasItsLegendEntry_InTheReadersLanguage()
    {
        Assert.Contains("Kỳ đang diễn ra (tạm tính)", TrendChart.Svg(Running()), StringComparison.Ordinal);
        Assert.Contains("Period in progress (provisional)", TrendChart.Svg(Running() with { Culture = Cultures.English }), StringComparison.Ordinal);
        Assert.DoesNotContain("Kỳ đang diễn ra", TrendChart.Svg(Finished(Running())), StringComparison.Ordinal);
    }

    [Fact]
    public void Png_OnlyFigure_InProgress_IsDrawnAlone_NotAsNoData()
    {
        var data = ChartSamples.OnlineDossierRate() with { Points = [new ChartPoint(ChartSamples.Start, 12, InProgress: true)], Targets = [] };

        var svg = TrendChart.Svg(data);
        var (png, point, _) = Render(data, "trend-in-progress-alone.png");

        Assert.DoesNotContain("Chưa có dữ liệu", svg, StringComparison.Ordinal);
        Assert.Contains("Kỳ đang diễn ra (tạm tính)", svg, StringComparison.Ordinal);
        Assert.True(png.Luminance(point.X, point.Y) > 230, "the lone in-progress figure is not hollow");
        Assert.True(Ring(png, point, 5).Count(g => g < 170) >= 6, "the lone in-progress figure is not drawn");
    }

    // The PNG and where its last two figures landed on it.
    private static (PngImage Png, (int X, int Y) Last, (int X, int Y) Before) Render(TrendChartData data, string name)
    {
        var size = TrendChartSize.Standard;
        using var plot = TrendChart.Build(data, size.Width);
        var png = PngImage.Read(plot.GetImageBytes(size.Width, size.Height, ImageFormat.Png));
        png.Save(name);
        var known = data.Points.Where(p => p.Value is not null).ToList();
        return (png, PixelOf(plot, known[^1], data.Granularity), PixelOf(plot, known[Math.Max(known.Count - 2, 0)], data.Granularity));
    }

    private static (int X, int Y) PixelOf(Plot plot, ChartPoint point, PeriodGranularity granularity)
    {
        var pixel = plot.GetPixel(new Coordinates(PeriodAxis.Index(point.Period, granularity), point.Value!.Value));
        return ((int)Math.Round(pixel.X), (int)Math.Round(pixel.Y));
    }

    // Grey levels on a circle of the given radius around a point.
    private static IEnumerable<double> Ring(PngImage png, (int X, int Y) centre, int radius) =>
        Enumerable.Range(0, 16).Select(i => png.Luminance(
            centre.X + (int)Math.Round(radius * Math.Cos(i * Math.PI / 8)),
            centre.Y + (int)Math.Round(radius * Math.Sin(i * Math.PI / 8))));

    // Share of points along the middle of a segment (its ends are under the markers) with dark ink on or beside them.
    private static double InkedShare(PngImage png, (int X, int Y) from, (int X, int Y) to)
    {
        const int samples = 60;
        var inked = 0;
        for (var i = 0; i < samples; i++)
        {
            double t = 0.2 + (0.6 * i / (samples - 1));
            int x = (int)Math.Round(from.X + ((to.X - from.X) * t));
            int y = (int)Math.Round(from.Y + ((to.Y - from.Y) * t));
            if (png.DarkestNear(x, y) < 170)
            {
                inked++;
            }
        }

        return inked / (double)samples;
    }
}
