using KpiMonitor.Charts;
using KpiMonitor.Dashboard.Charts;

namespace KpiMonitor.Dashboard.Tests.Charts;

public sealed class SparklineTests
{
    private static readonly string TargetHex = ChartStyle.TargetColor.ToHex();
    private static readonly string ValueHex = ChartStyle.ValueColor.ToHex();

    [Fact]
    public void Png_IsATileSizedLineWithDashedTarget()
    {
        var png = PngImage.Read(Sparkline.Png(ChartSamples.RisingMonths(), 80));
        png.Save("sparkline.png");

        Assert.Equal((290, 48), (PngImage.HeaderWidth(png.Bytes), PngImage.HeaderHeight(png.Bytes)));
        Assert.True(png.Bytes.Length > 500, $"only {png.Bytes.Length} bytes");
        Assert.True(png.PixelsNear(ValueHex) > 150, $"value pixels: {png.PixelsNear(ValueHex)}");
        Assert.True(png.PixelsNear(TargetHex) > 40, $"target pixels: {png.PixelsNear(TargetHex)}");
    }

    [Fact]
    public void Png_KeepsTheTargetInView_WhenValuesAreFarBelow()
    {
        var png = PngImage.Read(Sparkline.Png(ChartSamples.RisingMonths(2, 6), 80, 200, 60));
        png.Save("sparkline-far-below.png");

        Assert.Equal((200, 60), (png.Width, png.Height));
        Assert.True(png.PixelsNear(TargetHex) > 40, $"target pixels: {png.PixelsNear(TargetHex)}");
    }

    [Fact]
    public void Png_HasNoTargetLine_WhenNoTargetIsGiven()
    {
        var png = PngImage.Read(Sparkline.Png(ChartSamples.RisingMonths(), null));

        Assert.True(png.PixelsNear(ValueHex) > 150);
        Assert.Equal(0, png.PixelsNear(TargetHex));
    }

    [Fact]
    public void Png_MonthInProgress_EndsOnAHollowMarker_ReachedByADashedStep()
    {
        // Eleven finished months and this one, month-to-date and so far below them.
        var points = Enumerable.Range(0, 12)
            .Select(i => new ChartPoint(ChartSamples.Start.AddMonths(i), i == 0 ? 0 : i == 11 ? 40 : 80, InProgress: i == 11))
            .ToList();
        var finishedPoints = points.Select(p => p with { InProgress = false }).ToList();

        var running = PngImage.Read(Sparkline.Png(points, null));
        var finished = PngImage.Read(Sparkline.Png(finishedPoints, null));
        running.Save("sparkline-in-progress.png");

        // Frameless: the data area is the whole image, periods from -0.4 to 11.4; each marker is the middle of the ink
        // in its column (the line reaches it from the left).
        var last = Marker(running, 11);
        var before = Marker(finished, 10);
        var finishedLast = Marker(finished, 11);

        Assert.True(last.Y + 4 < running.Height, $"the marker in progress is cut off at the bottom (centre at {last.Y})");
        Assert.True(running.Luminance(last.X, last.Y) > 200 && running.Alpha(last.X, last.Y) > 200, "the month in progress is not hollow");
        Assert.True(finished.Luminance(finishedLast.X, finishedLast.Y) < 170, "the finished month is not a filled dot");
        Assert.InRange(OpaqueShare(running, before, last), 0.2, 0.85);
        Assert.True(OpaqueShare(finished, before, finishedLast) > 0.95, "the finished step is not solid");
    }

    private static (int X, int Y) Marker(PngImage png, int period)
    {
        int x = (int)Math.Round((period + 0.4) / 11.8 * png.Width);
        var inked = Enumerable.Range(0, png.Height).Where(y => png.Alpha(x, y) > 128).ToList();
        Assert.NotEmpty(inked);
        return (x, (inked.Min() + inked.Max()) / 2);
    }

    [Fact]
    public void Png_RendersTransparent_WhenThereIsNothingToDraw()
    {
        var png = PngImage.Read(Sparkline.Png([], null));

        Assert.Equal((290, 48), (png.Width, png.Height));
        Assert.Equal(0, png.OpaquePixels());
    }

    // Share of points along the middle of a segment with ink (an opaque pixel) on or beside them.
    private static double OpaqueShare(PngImage png, (int X, int Y) from, (int X, int Y) to)
    {
        const int samples = 40;
        var inked = 0;
        for (var i = 0; i < samples; i++)
        {
            double t = 0.2 + (0.6 * i / (samples - 1));
            int x = (int)Math.Round(from.X + ((to.X - from.X) * t));
            int y = (int)Math.Round(from.Y + ((to.Y - from.Y) * t));
            bool any = false;
            for (var dy = -1; dy <= 1 && !any; dy++)
            {
                for (var dx = -1; dx <= 1 && !any; dx++)
                {
                    any = png.Alpha(Math.Clamp(x + dx, 0, png.Width - 1), Math.Clamp(y + dy, 0, png.Height - 1)) > 128;
                }
            }

            inked += any ? 1 : 0;
        }

        return inked / (double)samples;
    }
}
