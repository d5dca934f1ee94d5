namespace KpiMonitor.Reports.Archive;

/// <summary>Where the making of one report stands, in the order the stages pass.</summary>
public enum ReportStage
{
    /// <summary>Waiting for the reports made before it.</summary>
    Queued,

    /// <summary>Reading the figures and writing the content.</summary>
    BuildingContent,

    /// <summary>Writing the PDF.</summary>
    WritingPdf,

    /// <summary>Writing the DOCX.</summary>
    WritingDocx,

    /// <summary>Writing the XLSX.</summary>
    WritingXlsx,

    /// <summary>All three files are in the archive.</summary>
    Done,

    /// <summary>Stopped; the reason says why.</summary>
    Failed,
}
