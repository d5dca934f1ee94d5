using KpiMonitor.Charts;
using System.Diagnostics;
using System.Text.RegularExpressions;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using Xunit.Abstractions;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Dashboard.Tests.Charts;

public sealed class TrendChartTests(ITestOutputHelper output)
{
    private static readonly string TargetHex = ChartStyle.TargetColor.ToHex();
    private static readonly string ValueHex = ChartStyle.ValueColor.ToHex();

    [Fact]
    public void Png_IsARealPngOfTheAskedSize_WithLineAndTargetDrawn()
    {
        var watch = Stopwatch.StartNew();
        var png = PngImage.Read(TrendChart.Png(ChartSamples.OnlineDossierRate()));
        output.WriteLine($"first trend render in this test: {watch.ElapsedMilliseconds} ms, {png.Bytes.Length} bytes");
        png.Save("trend-online-dossier-rate.png");

        Assert.Equal((900, 420), (PngImage.HeaderWidth(png.Bytes), PngImage.HeaderHeight(png.Bytes)));
        Assert.True(png.Bytes.Length > 15_000, $"only {png.Bytes.Length} bytes");
        Assert.True(png.DistinctColours() > 100, $"only {png.DistinctColours()} colours");
        Assert.True(png.InkShare() > 0.05, $"ink share {png.InkShare():P1}");
        // The legend's sample of each line is ~40 px; a line across 24 months is many hundreds.
        Assert.True(png.PixelsNear(TargetHex) > 400, $"target pixels: {png.PixelsNear(TargetHex)}");
        Assert.True(png.PixelsNear(ValueHex) > 800, $"value pixels: {png.PixelsNear(ValueHex)}");
    }

    [Fact]
    public void Png_ShowsTheTarget_WhenValuesStayFarBelowIt()
    {
        var data = ChartSamples.OnlineDossierRate() with { Points = ChartSamples.RisingMonths(2, 6) };

        var png = PngImage.Read(TrendChart.Png(data, 700, 360));
        png.Save("trend-far-below-target.png");

        Assert.Equal((700, 360), (png.Width, png.Height));
        Assert.True(png.PixelsNear(TargetHex) > 400, $"target pixels: {png.PixelsNear(TargetHex)}");
    }

    [Fact]
    public void Png_ShowsTheTarget_WhenCountsStayFarAboveALowerIsBetterTarget()
    {
        var data = new TrendChartData(
            "Số hồ sơ trễ hạn", null,
            ChartSamples.RisingMonths(1200, 1953.613 * 1000),
            [new TargetPoint(new DateOnly(2025, 1, 1), 0, 50)],
            Direction.LowerIsBetter, Percentage: false, "hồ sơ", Culture: Cultures.Vietnamese, PeriodGranularity.Month);

        var png = PngImage.Read(TrendChart.Png(data));
        png.Save("trend-late-dossiers.png");

        Assert.True(png.PixelsNear(TargetHex) > 400, $"target pixels: {png.PixelsNear(TargetHex)}");
        Assert.Matches(@"\d\.\d{3}\.\d{3}", TrendChart.Svg(data));
    }

    [Fact]
    public void Svg_CarriesVietnameseTitleLegendAndMonthLabels()
    {
        var svg = TrendChart.Svg(ChartSamples.OnlineDossierRate());

        Assert.Contains("<svg", svg);
        Assert.Contains(ChartSamples.Title, svg); // ScottPlot writes UTF-8 text, not character entities
        Assert.Contains("Tỉnh Điện Biên", svg);
        Assert.Contains("Giá trị", svg);
        Assert.Contains("Mục tiêu", svg);
        Assert.Contains("Ngưỡng cảnh báo", svg);
        Assert.Contains("T1/2025", svg);
        Assert.Contains("60 %", svg);
        Assert.DoesNotContain("Target", svg);
        Assert.DoesNotContain("Chưa có dữ liệu", svg);
        // One sans family everywhere: ScottPlot's own default here is a serif face.
        Assert.Single(Regex.Matches(svg, "font-family=\"([^\"]*)\"").Select(m => m.Groups[1].Value).Distinct());
    }

    [Fact]
    public void Svg_English_SwitchesLegendAndPeriodLabels()
    {
        var svg = TrendChart.Svg(ChartSamples.OnlineDossierRate(english: true));

        Assert.Contains("Value", svg);
        Assert.Contains("Target", svg);
        Assert.Contains("Warning band", svg);
        Assert.Contains("Jan 2025", svg);
        Assert.DoesNotContain("Mục tiêu", svg);
        Assert.DoesNotContain("T1/2025", svg);
    }

    [Fact]
    public void Svg_ShowsDecimalCommaOnPercentTicks_InVietnamese()
    {
        var flat = ChartSamples.OnlineDossierRate() with
        {
            Points = ChartSamples.RisingMonths(43.1, 43.4),
            Targets = [new TargetPoint(ChartSamples.Start, 43.5, 0.2)],
        };

        Assert.Matches(@"43,\d+ %", TrendChart.Svg(flat));
        Assert.Matches(@"43\.\d+ %", TrendChart.Svg(flat with { Culture = Cultures.English }));
    }

    [Fact]
    public void EmptyData_StillDrawsAxesTargetAndNote()
    {
        var data = ChartSamples.OnlineDossierRate() with { Points = [] };

        var svg = TrendChart.Svg(data);
        var png = PngImage.Read(TrendChart.Png(data));
        png.Save("trend-empty.png");

        Assert.Contains("Chưa có dữ liệu", svg);
        Assert.Contains("Mục tiêu", svg);
        Assert.Contains("T1/2025", svg);
        Assert.True(png.PixelsNear(TargetHex) > 400, $"target pixels: {png.PixelsNear(TargetHex)}");
        Assert.Contains("No data yet", TrendChart.Svg(data with { Culture = Cultures.English }));
    }

    [Fact]
    public void NoPointsAndNoTargets_StillRenders()
    {
        var data = ChartSamples.OnlineDossierRate() with { Points = [], Targets = [] };

        var png = PngImage.Read(TrendChart.Png(data));
        png.Save("trend-nothing.png");

        Assert.Equal((900, 420), (png.Width, png.Height));
        Assert.True(png.InkShare() > 0.01, $"ink share {png.InkShare():P1}"); // axes, frame and note
        Assert.Contains("Chưa có dữ liệu", TrendChart.Svg(data));
    }

    [Theory]
    [InlineData(PeriodGranularity.Quarter, false, "Q1/2025")]
    [InlineData(PeriodGranularity.Quarter, true, "Q1 2025")]
    [InlineData(PeriodGranularity.Year, false, "2025")]
    public void Svg_LabelsPeriodsByGranularity(PeriodGranularity granularity, bool english, string label)
    {
        var step = granularity == PeriodGranularity.Year ? 12 : 3;
        var data = ChartSamples.OnlineDossierRate(english) with
        {
            Granularity = granularity,
            Points = [.. Enumerable.Range(0, 6).Select(i => new ChartPoint(ChartSamples.Start.AddMonths(i * step), 50 + (i * 5)))],
        };

        var png = PngImage.Read(TrendChart.Png(data));
        png.Save($"trend-{granularity}-{(english ? "en" : "vi")}.png".ToLowerInvariant());

        Assert.Contains(label, TrendChart.Svg(data));
    }

    [Fact]
    public void Png_IsTheSame_WhenRenderedConcurrently()
    {
        var data = ChartSamples.OnlineDossierRate();
        var expected = TrendChart.Png(data);

        var results = new byte[8][];
        Parallel.For(0, results.Length, i => results[i] = TrendChart.Png(data));

        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
