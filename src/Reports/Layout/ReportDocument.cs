namespace KpiMonitor.Reports.Layout;

/// <summary>The report as laid out for any format: heading, body blocks, the recipients and signature, and the generation stamp.</summary>
/// <param name="Heading">The Decree 30 heading block.</param>
/// <param name="Body">Sections, paragraphs, tables and charts in reading order.</param>
/// <param name="Recipients">"Nơi nhận:" lines, bottom left.</param>
/// <param name="Signer">The signing title, bottom right, for the clerk to complete.</param>
/// <param name="Stamp">When and from what the report was generated: the only text that differs between two runs on the same data.</param>
public sealed record ReportDocument(ReportHeading Heading, IReadOnlyList<ReportBlock> Body, IReadOnlyList<string> Recipients, string Signer, string Stamp);
