using System.Globalization;
using System.Text;
using SkiaSharp;

namespace KpiMonitor.Reports.Pdf;

/// <summary>
/// A4 pages of a Skia PDF document with a cursor: text wrapped to a width, a new page when the next thing does not
/// fit, the page number centred at the top from page 2 on (Decree 30). Lengths are PDF points.
/// </summary>
internal sealed class PdfPages(SKDocument document, PdfFonts fonts) : IDisposable
{
    public const float Width = 595.28f;
    public const float Height = 841.89f;
    public const float Left = 85.04f;   // 30 mm
    public const float Right = 56.69f;  // 20 mm
    public const float Top = 56.69f;    // 20 mm
    public const float Bottom = 56.69f; // 20 mm
    public const float TextWidth = Width - Left - Right;

    private readonly SKPaint _ink = new() { Color = SKColors.Black, IsAntialias = true };
    private int _pages;

    public SKCanvas Canvas { get; private set; } = null!;

    public float Y { get; set; }

    public float Room => Height - Bottom - Y;

    public PdfFonts Fonts => fonts;

    public void NewPage()
    {
        if (_pages > 0)
        {
            document.EndPage();
        }

        Canvas = document.BeginPage(Width, Height);
        _pages++;
        Y = Top;
        if (_pages > 1)
        {
            Text(_pages.ToString(CultureInfo.InvariantCulture), Left, Top - 24, TextWidth, Font(false, false, 12), Align.Center);
        }
    }

    /// <summary>Moves to a new page unless <paramref name="height"/> fits below the cursor.</summary>
    public void Ensure(float height)
    {
        if (height > Room)
        {
            NewPage();
        }
    }

    public SKFont Font(bool bold, bool italic, float size) => new(fonts.Of(bold, italic), size);

    /// <summary>Draws one line of text in a box of <paramref name="width"/> from <paramref name="x"/>, on the baseline <paramref name="baseline"/>; returns its drawn width.</summary>
    public float Text(string text, float x, float baseline, float width, SKFont font, Align align)
    {
        var line = text.Normalize(NormalizationForm.FormC);
        float measured = font.MeasureText(line);
        float left = align switch
        {
            Align.Center => x + ((width - measured) / 2),
            Align.Right => x + width - measured,
            _ => x,
        };
        Canvas.DrawText(line, left, baseline, SKTextAlign.Left, font, _ink);
        return measured;
    }

    /// <summary>Lines of <paramref name="text"/> no wider than <paramref name="width"/>, broken between words (inside a word only when it alone is too wide).</summary>
    public static List<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Normalize(NormalizationForm.FormC).Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (font.MeasureText(candidate) <= width)
                {
                    line.Clear().Append(candidate);
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }

                var rest = word;
                while (font.MeasureText(rest) > width && rest.Length > 1)
                {
                    int fit = rest.Length - 1;
                    while (fit > 1 && font.MeasureText(rest[..fit]) > width)
                    {
                        fit--;
                    }

                    lines.Add(rest[..fit]);
                    rest = rest[fit..];
                }

                line.Append(rest);
            }

            lines.Add(line.ToString());
        }

        return lines;
    }

    public void Line(float x1, float y1, float x2, float y2, float thickness = 0.5f)
    {
        using var pen = new SKPaint { Color = SKColors.Black, StrokeWidth = thickness, IsStroke = true, IsAntialias = true };
        Canvas.DrawLine(x1, y1, x2, y2, pen);
    }

    public void Fill(SKRect rect, SKColor color)
    {
        using var paint = new SKPaint { Color = color, IsStroke = false };
        Canvas.DrawRect(rect, paint);
    }

    public void Dispose()
    {
        if (_pages > 0)
        {
            document.EndPage();
        }

        _ink.Dispose();
    }
}
