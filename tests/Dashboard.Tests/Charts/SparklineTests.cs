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
    public void Png_RendersTransparent_WhenThereIsNothingToDraw()
    {
        var png = PngImage.Read(Sparkline.Png([], null));

        Assert.Equal((290, 48), (png.Width, png.Height));
        Assert.Equal(0, png.OpaquePixels());
    }
}
