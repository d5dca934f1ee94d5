using DocumentFormat.OpenXml.Wordprocessing;

namespace KpiMonitor.Reports.Docx;

// Times New Roman 14 pt for the body (Decree 30, appendix I: 13–14 pt), real "heading 1" and "heading 2" styles so
// Word's navigation pane and table of contents see the sections. Viewers without the font substitute a metric
// equivalent (Liberation Serif on Linux).
internal static class DocxStyles
{
    public const string Font = "Times New Roman";
    public const string Heading1 = "Heading1";
    public const string Heading2 = "Heading2";
    public const string Caption = "Caption";

    public static Styles Create() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = "28" },
                new FontSizeComplexScript { Val = "28" },
                new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
        Heading(Heading1, "heading 1", 0, before: "240"),
        Heading(Heading2, "heading 2", 1, before: "120"),
        new Style(
            new StyleName { Val = "caption" },
            new BasedOn { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "120", After = "60" }, new Justification { Val = JustificationValues.Center }),
            new StyleRunProperties(new Bold(), new Italic(), new FontSize { Val = "26" }, new FontSizeComplexScript { Val = "26" }))
        { Type = StyleValues.Paragraph, StyleId = Caption });

    private static Style Heading(string id, string name, int outline, string before) => new(
        new StyleName { Val = name },
        new BasedOn { Val = "Normal" },
        new NextParagraphStyle { Val = "Normal" },
        new PrimaryStyle(),
        new StyleParagraphProperties(
            new KeepNext(),
            new SpacingBetweenLines { Before = before, After = "120" },
            new Justification { Val = JustificationValues.Both },
            new OutlineLevel { Val = outline }),
        new StyleRunProperties(new Bold(), new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" }))
    { Type = StyleValues.Paragraph, StyleId = id };
}
