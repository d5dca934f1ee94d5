using SkiaSharp;

namespace KpiMonitor.Reports.Pdf;

/// <summary>
/// The serif faces the PDF is set in: Times New Roman where installed, otherwise Liberation Serif 2 (metric-compatible:
/// same widths, so lines break where Word breaks them) or DejaVu Serif (ADR 013). A family counts only if all four
/// faces hold the Vietnamese letters with stacked marks: Debian's fonts-liberation 1.07 has "Đ" and "ã" but not "ộ",
/// and Skia would silently leave holes in the words. Skia embeds the subset used, so every diacritic renders on any
/// reader. A machine with none of them is refused with a message naming the packages.
/// </summary>
internal sealed class PdfFonts : IDisposable
{
    private static readonly string[] Families = ["Times New Roman", "Liberation Serif", "DejaVu Serif"];

    // Letters of every tone mark over a circumflex, breve and horn, and đ: what a font without Vietnamese lacks.
    private const string Probe = "ẤẦẨẪẬẮẰẲẴẶẾỀỂỄỆỐỒỔỖỘỚỜỞỠỢỨỪỬỮỰỲỴỶỸấầẩẫậắằẳẵặếềểễệốồổỗộớờởỡợứừửữựỳỵỷỹĐđƠơƯư";

    private PdfFonts(string family)
    {
        Family = family;
        Regular = Load(family, SKFontStyle.Normal);
        Bold = Load(family, SKFontStyle.Bold);
        Italic = Load(family, SKFontStyle.Italic);
        BoldItalic = Load(family, SKFontStyle.BoldItalic);
    }

    public string Family { get; }

    public SKTypeface Regular { get; }

    public SKTypeface Bold { get; }

    public SKTypeface Italic { get; }

    public SKTypeface BoldItalic { get; }

    public static PdfFonts Load()
    {
        var installed = SKFontManager.Default.GetFontFamilies();
        foreach (var family in Families.Where(f => installed.Contains(f, StringComparer.OrdinalIgnoreCase)))
        {
            var fonts = new PdfFonts(family);
            if (new[] { fonts.Regular, fonts.Bold, fonts.Italic, fonts.BoldItalic }.All(t => t.ContainsGlyphs(Probe)))
            {
                return fonts;
            }

            fonts.Dispose();
        }

        throw new InvalidOperationException(
            "Không tìm thấy phông chữ có đủ dấu tiếng Việt cho báo cáo PDF (Times New Roman, Liberation Serif 2 hoặc DejaVu Serif): cài gói fonts-liberation2 hoặc fonts-dejavu-core.");
    }

    public SKTypeface Of(bool bold, bool italic) => (bold, italic) switch
    {
        (true, true) => BoldItalic,
        (true, false) => Bold,
        (false, true) => Italic,
        _ => Regular,
    };

    public void Dispose()
    {
        Regular.Dispose();
        Bold.Dispose();
        Italic.Dispose();
        BoldItalic.Dispose();
    }

    // Every face of the family installed, not only fontconfig's first choice: with fonts-liberation (1.07) and
    // fonts-liberation2 both installed, the first is the one without Vietnamese.
    private static SKTypeface Load(string family, SKFontStyle style)
    {
        using var set = SKFontManager.Default.GetFontStyles(family);
        for (int i = 0; i < set.Count; i++)
        {
            var face = set.CreateTypeface(i);
            if (face is not null && face.FontWeight == style.Weight && face.FontSlant == style.Slant && face.ContainsGlyphs(Probe))
            {
                return face;
            }

            face?.Dispose();
        }

        return SKFontManager.Default.MatchFamily(family, style) ?? throw new InvalidOperationException($"Phông chữ {family} thiếu kiểu {style.Weight}/{style.Slant}.");
    }
}
