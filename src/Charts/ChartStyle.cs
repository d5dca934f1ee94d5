using System.Globalization;
using ScottPlot;
using SkiaSharp;

namespace KpiMonitor.Charts;

// Colours chosen to survive greyscale printing: the value line is a mid-tone blue (solid, round markers),
// the target a very dark red (dashed), the warning band a pale fill; their luminances differ clearly.
internal static class ChartStyle
{
    public static readonly Color ValueColor = Color.FromHex("#2B7BBA");
    public static readonly Color TargetColor = Color.FromHex("#8B0000");
    public static readonly Color BandColor = Color.FromHex("#F2C4C0");
    public static readonly Color BarColor = Color.FromHex("#5B8FC7");
    public static readonly Color MissingColor = Color.FromHex("#6B6B6B");
    public static readonly Color TextColor = Color.FromHex("#202020");

    // The period still in progress, on the trend chart and the sparklines alike: short dashes (unlike the target's
    // long ones) to a ring filled with white, so the band, the target or a grid line never shows through its hole.
    public static readonly LinePattern ProvisionalPattern = LinePattern.DenselyDashed;

    public static MarkerStyle ProvisionalMarker(float size, float outline) => new()
    {
        Shape = MarkerShape.FilledCircle, Size = size, FillColor = Colors.White, OutlineColor = ValueColor, OutlineWidth = outline,
    };

    // ScottPlot's default family on Debian is DejaVu Serif; a sans face with Vietnamese glyphs reads better.
    public static readonly string FontName = new[] { "DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial" }
        .Intersect(SKFontManager.Default.GetFontFamilies()).FirstOrDefault() ?? Fonts.Default;

    // The centred "no data yet" note; Font.Set does not reach annotations, so the family is set here.
    public static void AddNoDataNote(Plot plot, CultureInfo culture)
    {
        var note = plot.Add.Annotation(ChartText.NoData(culture), Alignment.MiddleCenter);
        note.LabelStyle.FontName = FontName;
        note.LabelStyle.FontSize = 18;
        note.LabelStyle.ForeColor = TextColor;
        note.LabelStyle.BackgroundColor = Colors.White.WithAlpha(0.85);
        note.LabelStyle.BorderColor = Colors.Gray;
        note.LabelStyle.Padding = 8;
    }

    public static byte[] Png(Plot plot, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 16);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    public static string Svg(Plot plot, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 16);
        return plot.GetSvgXml(width, height);
    }
}
