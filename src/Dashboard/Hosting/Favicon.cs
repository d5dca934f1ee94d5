using System.Buffers.Binary;
using System.Globalization;
using SkiaSharp;

namespace KpiMonitor.Dashboard.Hosting;

/// <summary>
/// The site icon, a rising line on the brand blue: an SVG that the pages link, and the same drawing as a 32-pixel ICO at
/// /favicon.ico, which browsers ask for whatever a page links (it was the sign-in page or a 404, an error in every console).
/// </summary>
public static class Favicon
{
    private const int Size = 32;
    private const string Brand = "#0b4f8a";

    // The line's corners on a 32 × 32 grid, shared by both drawings so they cannot drift apart.
    private static readonly (float X, float Y)[] Line = [(6, 23), (13, 15), (19, 19), (26, 9)];

    public static readonly string Svg = string.Create(CultureInfo.InvariantCulture, $"""
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {Size} {Size}"><rect width="{Size}" height="{Size}" rx="6" fill="{Brand}"/><polyline points="{string.Join(' ', Line.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X},{p.Y}")))}" fill="none" stroke="#fff" stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round"/></svg>
        """);

    private static readonly byte[] SvgContent = System.Text.Encoding.UTF8.GetBytes(Svg);

    /// <summary>The icon as an ICO file holding one 32 × 32 PNG (every browser since Windows Vista reads PNG inside ICO).</summary>
    public static readonly byte[] Ico = IcoOf(Png());

    public static readonly string Version = AssetResponse.Fingerprint([.. SvgContent, .. Ico]);

    /// <summary>The address the pages' <c>&lt;link rel="icon"&gt;</c> names.</summary>
    public static string SvgPath => "/favicon.svg?v=" + Version;

    public static IResult ServeSvg(HttpContext context) => AssetResponse.Serve(context, SvgContent, "image/svg+xml", Version);

    public static IResult ServeIco(HttpContext context) => AssetResponse.Serve(context, Ico, "image/x-icon", Version);

    private static byte[] Png()
    {
        using var surface = SKSurface.Create(new SKImageInfo(Size, Size, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.Transparent);
        using (var fill = new SKPaint { Color = SKColor.Parse(Brand), IsAntialias = true })
        {
            canvas.DrawRoundRect(0, 0, Size, Size, 6, 6, fill);
        }

        using var stroke = new SKPaint
        {
            Color = SKColors.White, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 3.5f,
            StrokeCap = SKStrokeCap.Round, StrokeJoin = SKStrokeJoin.Round,
        };
        using var path = new SKPath();
        path.MoveTo(Line[0].X, Line[0].Y);
        foreach (var (x, y) in Line.Skip(1))
        {
            path.LineTo(x, y);
        }

        canvas.DrawPath(path, stroke);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    // ICONDIR (reserved, type 1 = icon, one image), then its ICONDIRENTRY (size, no palette, 1 plane, 32 bits,
    // length, offset), then the PNG itself.
    private static byte[] IcoOf(byte[] png)
    {
        const int header = 6 + 16;
        var ico = new byte[header + png.Length];
        var span = ico.AsSpan();
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], 1);
        span[6] = Size;
        span[7] = Size;
        BinaryPrimitives.WriteUInt16LittleEndian(span[10..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(span[12..], 32);
        BinaryPrimitives.WriteUInt32LittleEndian(span[14..], (uint)png.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(span[18..], header);
        png.CopyTo(span[header..]);
        return ico;
    }
}
