namespace KpiMonitor.Reports.Pdf;

/// <summary>How a line sits in its box.</summary>
internal enum Align
{
    Left,
    Center,
    Right,
}
