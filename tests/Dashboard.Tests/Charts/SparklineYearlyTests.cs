using KpiMonitor.Charts;
using KpiMonitor.Dashboard.Charts;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Dashboard.Tests.Charts;

// Yearly KPIs (rankings) on a tile: a few yearly figures, or only one.
public sealed class SparklineYearlyTests
{
    private static readonly string ValueHex = ChartStyle.ValueColor.ToHex();
    private static readonly string TextHex = ChartStyle.TextColor.ToHex();

    [Fact]
    public void Png_LoneFigure_IsADotWithItsYearWrittenBesideIt()
    {
        var png = PngImage.Read(Sparkline.Png([new ChartPoint(new DateOnly(2026, 1, 1), 12)], 20, PeriodGranularity.Year, culture: Cultures.Vietnamese));
        png.Save("sparkline-lone-year.png");

        Assert.True(png.PixelsNear(ValueHex) > 10, $"value pixels: {png.PixelsNear(ValueHex)}");
        Assert.True(png.PixelsNear(TextHex, 60) > 20, $"text pixels: {png.PixelsNear(TextHex, 60)}");
    }

    [Fact]
    public void Png_LoneFigure_InAMonthlySeries_IsWrittenWithItsMonth_OnTheSideWithRoom()
    {
        var points = Enumerable.Range(0, 12).Select(i => new ChartPoint(new DateOnly(2025, 12, 1).AddMonths(i), i == 11 ? 40 : null)).ToList();

        var png = PngImage.Read(Sparkline.Png(points, null, PeriodGranularity.Month, culture: Cultures.Vietnamese));
        png.Save("sparkline-lone-month.png");

        // The figure is the last month, at the right edge, so its label goes to its left (periods run from -0.4 to 11.4).
        double dot = (11 + 0.4) / 11.8 * png.Width;
        Assert.True(png.PixelsNear(TextHex, 60, (x, _) => x < dot - 6) > 20, "no label left of the last month's dot");
        Assert.Equal(0, png.PixelsNear(TextHex, 60, (x, _) => x > dot + 4));
    }

    [Fact]
    public void Png_FewYearlyFigures_StartAtTheFirstFigure_AndSpanTheTile()
    {
        var years = new double?[] { null, null, 31, 24, 18 }
            .Select((v, i) => new ChartPoint(new DateOnly(2022 + i, 1, 1), v))
            .ToList();

        var png = PngImage.Read(Sparkline.Png(years, 20, PeriodGranularity.Year, culture: Cultures.Vietnamese));
        png.Save("sparkline-years.png");

        int left = png.PixelsNear(ValueHex, where: (x, _) => x < png.Width / 5);
        int right = png.PixelsNear(ValueHex, where: (x, _) => x > png.Width * 4 / 5);
        Assert.True(left > 10, $"the first year with a figure is not at the left edge: {left} pixels");
        Assert.True(right > 10, $"the last year is not at the right edge: {right} pixels");
        Assert.Equal(0, png.PixelsNear(TextHex, 60));
    }

    [Fact]
    public void Png_MonthlySeries_KeepsItsLook_NoLabel()
    {
        var png = PngImage.Read(Sparkline.Png(ChartSamples.RisingMonths(), 80));

        Assert.Equal(0, png.PixelsNear(TextHex, 60));
    }
}
