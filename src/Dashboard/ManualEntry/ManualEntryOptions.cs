using System.ComponentModel.DataAnnotations;

namespace KpiMonitor.Dashboard.ManualEntry;

/// <summary>The audit trail of manual figures (section <c>Manual</c>), validated at start.</summary>
public sealed class ManualEntryOptions
{
    public const string Section = "Manual";

    /// <summary>
    /// The JSON-lines file that held the audit trail before it moved into the store (ADR 016). When it exists at start,
    /// its entries not yet in the store are imported and the file is renamed; nothing is written to it any more.
    /// </summary>
    public string? AuditFile { get; init; } = "data/audit/nhap-tay.jsonl";

    /// <summary>
    /// Reads of the trail within this time of the last one are answered from memory (a page asks several times); the
    /// next reads only the entries stored since. It bounds how late an entry saved on another replica shows. 0 reads
    /// every time (tests).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00",
        ErrorMessage = "Manual:AuditRefreshInterval phải từ 00:00:00 đến 00:10:00 (mặc định 00:00:02).")]
    public TimeSpan AuditRefreshInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How far before the newest entry seen an incremental read starts: replicas' clocks differ a little, and an entry
    /// another replica stamped slightly earlier must still be found.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00",
        ErrorMessage = "Manual:AuditOverlap phải từ 00:00:00 đến 1.00:00:00 (mặc định 00:10:00).")]
    public TimeSpan AuditOverlap { get; init; } = TimeSpan.FromMinutes(10);
}
