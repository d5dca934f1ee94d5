namespace KpiMonitor.Reports.Layout;

/// <summary>A paragraph of body text, justified with a first-line indent as administrative documents are; italic for notes.</summary>
public sealed record ParagraphBlock(string Text, bool Italic = false) : ReportBlock;
