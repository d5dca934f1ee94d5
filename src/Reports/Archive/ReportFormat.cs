namespace KpiMonitor.Reports.Archive;

/// <summary>The three files of an archived report.</summary>
public enum ReportFormat
{
    /// <summary>The printable report.</summary>
    Pdf,

    /// <summary>The editable draft.</summary>
    Docx,

    /// <summary>The data workbook.</summary>
    Xlsx,
}
