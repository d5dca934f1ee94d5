using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace KpiMonitor.Reports.Docx;

// Runs and paragraphs in the sizes Decree 30 gives: 13–14 pt Times New Roman (the styles' default), half-points in OpenXml.
internal static class DocxText
{
    public const int BodySize = 28;
    public const int TableSize = 26;

    public static Run Run(string text, bool bold = false, bool italic = false, int? size = null, bool underline = false)
    {
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (italic)
        {
            properties.Append(new Italic());
        }

        if (size is { } s)
        {
            properties.Append(new FontSize { Val = Invariant(s) }, new FontSizeComplexScript { Val = Invariant(s) });
        }

        // Schema order: b, i, sz, szCs, u.
        if (underline)
        {
            properties.Append(new Underline { Val = UnderlineValues.Single });
        }

        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    public static Paragraph Paragraph(JustificationValues justification, int after, params Run[] runs) => Paragraph(justification, after, 0, runs);

    public static Paragraph Paragraph(JustificationValues justification, int after, int firstLineIndent, params Run[] runs)
    {
        // Schema order: spacing, ind, jc.
        var properties = new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = Invariant(after) });
        if (firstLineIndent > 0)
        {
            properties.Append(new Indentation { FirstLine = Invariant(firstLineIndent) });
        }

        properties.Append(new Justification { Val = justification });
        var paragraph = new Paragraph(properties);
        paragraph.Append(runs);
        return paragraph;
    }

    public static Paragraph Styled(string style, string text)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        paragraph.Append(Run(text));
        return paragraph;
    }

    private static string Invariant(int number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
