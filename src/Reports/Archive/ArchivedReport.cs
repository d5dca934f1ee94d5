namespace KpiMonitor.Reports.Archive;

/// <summary>A report in the archive: its month (first day), unit, files present and when it was generated (UTC).</summary>
public sealed record ArchivedReport(DateOnly Month, string UnitCode, IReadOnlyList<ArchivedFile> Files, DateTimeOffset GeneratedAt)
{
    /// <summary>The file of <paramref name="format"/>, or null when the archive lacks it.</summary>
    public ArchivedFile? File(ReportFormat format) => Files.FirstOrDefault(f => f.Format == format);
}
