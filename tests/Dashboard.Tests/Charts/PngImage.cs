using System.Buffers.Binary;
using SkiaSharp;

namespace KpiMonitor.Dashboard.Tests.Charts;

// What a test can say about a rendered PNG without comparing it to a reference image.
internal sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly SKColor[] pixels;

    private PngImage(byte[] bytes, SKBitmap bitmap)
    {
        Bytes = bytes;
        Width = bitmap.Width;
        Height = bitmap.Height;
        pixels = bitmap.Pixels;
    }

    public byte[] Bytes { get; }

    public int Width { get; }

    public int Height { get; }

    // Checks the signature and the IHDR chunk before decoding, so a BMP or a truncated file fails here.
    public static PngImage Read(byte[] bytes)
    {
        Assert.True(bytes.Length > 33, "too short to be a PNG");
        Assert.Equal(Signature, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        using var bitmap = SKBitmap.Decode(bytes);
        Assert.NotNull(bitmap);
        var image = new PngImage(bytes, bitmap);
        Assert.Equal(image.Width, HeaderWidth(bytes));
        Assert.Equal(image.Height, HeaderHeight(bytes));
        return image;
    }

    public static int HeaderWidth(byte[] png) => BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));

    public static int HeaderHeight(byte[] png) => BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4));

    public int DistinctColours() => pixels.Distinct().Count();

    // Share of pixels that differ from the top-left corner (the background).
    public double InkShare()
    {
        var background = pixels[0];
        return pixels.Count(p => p != background) / (double)pixels.Length;
    }

    public int OpaquePixels() => pixels.Count(p => p.Alpha > 128);

    // Anti-aliasing blends a line's edges into its neighbours, so "the target's colour" is a small
    // neighbourhood of it, and only opaque pixels count.
    public int PixelsNear(string hex, int tolerance = 40, Func<int, int, bool>? where = null)
    {
        var colour = SKColor.Parse(hex);
        var count = 0;
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var p = pixels[(y * Width) + x];
                if (p.Alpha > 200
                    && Math.Abs(p.Red - colour.Red) <= tolerance
                    && Math.Abs(p.Green - colour.Green) <= tolerance
                    && Math.Abs(p.Blue - colour.Blue) <= tolerance
                    && (where is null || where(x, y)))
                {
                    count++;
                }
            }
        }

        return count;
    }

    // Grey level (0 black – 255 white) of a pixel as a greyscale print would show it (Rec. 601 weights).
    public double Luminance(int x, int y)
    {
        var p = pixels[(y * Width) + x];
        return (0.299 * p.Red) + (0.587 * p.Green) + (0.114 * p.Blue);
    }

    public byte Alpha(int x, int y) => pixels[(y * Width) + x].Alpha;

    // The darkest grey level within `radius` pixels of (x, y): a thin anti-aliased line may fall between pixels.
    public double DarkestNear(int x, int y, int radius = 1)
    {
        var darkest = 255.0;
        for (var dy = -radius; dy <= radius; dy++)
        {
            for (var dx = -radius; dx <= radius; dx++)
            {
                var (px, py) = (x + dx, y + dy);
                if (px >= 0 && py >= 0 && px < Width && py < Height)
                {
                    darkest = Math.Min(darkest, Luminance(px, py));
                }
            }
        }

        return darkest;
    }

    public void Save(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "artefacts", "charts");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, name), Bytes);
    }
}
