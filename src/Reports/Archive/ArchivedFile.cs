namespace KpiMonitor.Reports.Archive;

/// <summary>One file of an archived report: its format, size in bytes and the full path to serve it from.</summary>
public sealed record ArchivedFile(ReportFormat Format, long Size, string FullPath)
{
    /// <summary>The file's content type for a download.</summary>
    public string ContentType => Format switch
    {
        ReportFormat.Pdf => "application/pdf",
        ReportFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };
}
