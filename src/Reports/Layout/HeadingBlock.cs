namespace KpiMonitor.Reports.Layout;

/// <summary>A section heading: level 1 "I. TÌNH HÌNH CHUNG", level 2 "1. Tỷ lệ hồ sơ nộp trực tuyến".</summary>
public sealed record HeadingBlock(int Level, string Text) : ReportBlock;
