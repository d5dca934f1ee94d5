using KpiMonitor.Charts;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Dashboard.Tests.Charts;

public sealed class RankingChartTests
{
    private static readonly string TargetHex = ChartStyle.TargetColor.ToHex();
    private static readonly string BarHex = ChartStyle.BarColor.ToHex();

    [Fact]
    public void Png_DrawsBarsAndTargetLine_AtAHeightForTheBars()
    {
        var bars = ChartSamples.Units(12);

        var png = PngImage.Read(RankingChart.Png(bars, 80, percentage: true, culture: Cultures.Vietnamese));
        png.Save("ranking-12-units.png");

        Assert.Equal((900, RankingChart.HeightFor(12)), (PngImage.HeaderWidth(png.Bytes), PngImage.HeaderHeight(png.Bytes)));
        Assert.True(png.Bytes.Length > 15_000, $"only {png.Bytes.Length} bytes");
        Assert.True(png.DistinctColours() > 100, $"only {png.DistinctColours()} colours");
        Assert.True(png.PixelsNear(BarHex) > 20_000, $"bar pixels: {png.PixelsNear(BarHex)}");
        Assert.True(png.PixelsNear(TargetHex) > 200, $"target pixels: {png.PixelsNear(TargetHex)}");
    }

    [Fact]
    public void Svg_LabelsValuesInVietnameseFormat_AndTruncatesLongNames()
    {
        var svg = RankingChart.Svg(ChartSamples.Units(12), 80, percentage: true, culture: Cultures.Vietnamese);

        Assert.Contains("Sở Khoa học và Công nghệ", svg);
        Assert.Contains("98,6 %", svg);
        Assert.Contains("Mục tiêu: 80 %", svg);
        Assert.Contains("chưa có số liệu", svg);
        Assert.Contains("…", svg);
        Assert.DoesNotContain("tỉnh Điện Biên", svg);
    }

    [Fact]
    public void Svg_English_UsesEnglishNumbersAndLegend()
    {
        var svg = RankingChart.Svg(ChartSamples.Units(12), 80, percentage: true, culture: Cultures.English);

        Assert.Contains("98.6 %", svg);
        Assert.Contains("Target: 80 %", svg);
    }

    [Fact]
    public void Png_GrowsWithTheBars_UpToTheCap()
    {
        var ten = PngImage.Read(RankingChart.Png(ChartSamples.Units(10), 80, true, Cultures.Vietnamese));
        var forty = PngImage.Read(RankingChart.Png(ChartSamples.Units(40), 80, true, Cultures.Vietnamese));
        var ninety = PngImage.Read(RankingChart.Png(ChartSamples.Units(90), 80, true, Cultures.Vietnamese));
        ninety.Save("ranking-90-units-capped.png");

        Assert.True(forty.Height > ten.Height);
        Assert.Equal(RankingChart.HeightFor(RankingChart.MaxBars), ninety.Height);
        Assert.Contains(
            "Hiển thị 60 đơn vị đầu tiên trên tổng số 90",
            RankingChart.Svg(ChartSamples.Units(90), 80, true, Cultures.Vietnamese));
    }

    [Fact]
    public void Png_CountsWithThousandSeparators_AndNoTarget()
    {
        var bars = new List<(string, double?)> { ("Tỉnh Lai Châu", 37_588), ("Tỉnh Điện Biên", 1_953_613), ("Tỉnh Sơn La", null) };

        var png = PngImage.Read(RankingChart.Png(bars, null, percentage: false, culture: Cultures.Vietnamese, width: 700));
        png.Save("ranking-counts.png");

        Assert.Equal(700, png.Width);
        Assert.Equal(0, png.PixelsNear(TargetHex));
        var svg = RankingChart.Svg(bars, null, percentage: false, culture: Cultures.Vietnamese);
        Assert.Contains("1.953.613", svg);
        Assert.Contains("37.588", svg);
    }

    [Fact]
    public void Png_WithNoBars_ShowsTheNote()
    {
        var png = PngImage.Read(RankingChart.Png([], 80, true, Cultures.Vietnamese));

        Assert.Equal(RankingChart.HeightFor(0), png.Height);
        Assert.Contains("Chưa có dữ liệu", RankingChart.Svg([], 80, true, Cultures.Vietnamese));
    }
}
