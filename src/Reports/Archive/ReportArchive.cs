using System.Globalization;
using KpiMonitor.Reports.Generation;
using KpiMonitor.Shared.Configuration;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Reports.Archive;

/// <summary>
/// The folder of generated reports: <c>{yyyy-MM}/{unit}/bao-cao-{unit}-{yyyy-MM}.pdf|docx|xlsx</c> under
/// <see cref="ReportArchiveOptions.ArchiveFolder"/>. Each file is written to a temporary name in its final folder and
/// moved into place, so a reader (the page, a download, another process sharing the volume) sees the old file or the
/// new one, never half of one. Only unit codes of the catalogue make a path, and every path is checked to stay inside
/// the root, so nothing a request carries can reach another file.
/// </summary>
public sealed class ReportArchive(IOptions<ReportArchiveOptions> options, Catalog catalog)
{
    private const string MonthFormat = "yyyy-MM";
    private const string TemporarySuffix = ".tmp";

    /// <summary>The archive's root as a full path.</summary>
    public string Root { get; } = Path.GetFullPath(options.Value.ArchiveFolder);

    /// <summary>The formats in the order they are listed and written.</summary>
    public static IReadOnlyList<ReportFormat> Formats { get; } = [ReportFormat.Pdf, ReportFormat.Docx, ReportFormat.Xlsx];

    /// <summary>The file name a report's <paramref name="format"/> has in the archive and in a download.</summary>
    public static string FileName(string unitCode, DateOnly month, ReportFormat format) =>
        $"bao-cao-{unitCode}-{month.ToString(MonthFormat, CultureInfo.InvariantCulture)}.{Extension(format)}";

    /// <summary>Writes the three files of <paramref name="files"/>, replacing an earlier report of the same unit and month.</summary>
    public async Task<ArchivedReport> SaveAsync(ReportFiles files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var month = new DateOnly(files.Month.Year, files.Month.Month, 1);
        string folder = Folder(files.UnitCode, month);
        Directory.CreateDirectory(folder);
        foreach (var format in Formats)
        {
            byte[] bytes = format switch
            {
                ReportFormat.Pdf => files.Pdf,
                ReportFormat.Docx => files.Docx,
                _ => files.Xlsx,
            };
            string path = Path.Combine(folder, FileName(files.UnitCode, month, format));
            string temporary = $"{path}.{Guid.NewGuid():N}{TemporarySuffix}";
            try
            {
                await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
                // The generation time travels with the file, so a listing in another process tells it too.
                File.SetLastWriteTimeUtc(temporary, files.GeneratedAt.UtcDateTime);
                File.Move(temporary, path, overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }
        }

        return Read(files.UnitCode, month) ?? throw new IOException($"Báo cáo vừa ghi không có trong {folder}.");
    }

    /// <summary>Every archived report, newest month first, then by unit code.</summary>
    public IReadOnlyList<ArchivedReport> List()
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        var reports = new List<ArchivedReport>();
        foreach (string monthFolder in Directory.EnumerateDirectories(Root))
        {
            if (!DateOnly.TryParseExact(Path.GetFileName(monthFolder), MonthFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            {
                continue;
            }

            foreach (string unitFolder in Directory.EnumerateDirectories(monthFolder))
            {
                string unit = Path.GetFileName(unitFolder);
                if (catalog.Units.Contains(unit) && Read(unit, month) is { } report)
                {
                    reports.Add(report);
                }
            }
        }

        return [.. reports.OrderByDescending(r => r.Month).ThenBy(r => r.UnitCode, StringComparer.Ordinal)];
    }

    /// <summary>The archived report of <paramref name="unitCode"/> for the month holding <paramref name="month"/>, or null.</summary>
    public ArchivedReport? Find(string unitCode, DateOnly month) =>
        catalog.Units.Contains(unitCode) ? Read(unitCode, new DateOnly(month.Year, month.Month, 1)) : null;

    private ArchivedReport? Read(string unitCode, DateOnly month)
    {
        string folder = Folder(unitCode, month);
        var files = new List<ArchivedFile>();
        DateTimeOffset generatedAt = DateTimeOffset.MinValue;
        foreach (var format in Formats)
        {
            var info = new FileInfo(Path.Combine(folder, FileName(unitCode, month, format)));
            if (info.Exists)
            {
                files.Add(new ArchivedFile(format, info.Length, info.FullName));
                var written = new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero);
                generatedAt = written > generatedAt ? written : generatedAt;
            }
        }

        return files.Count == 0 ? null : new ArchivedReport(month, unitCode, files, generatedAt);
    }

    private string Folder(string unitCode, DateOnly month)
    {
        if (!catalog.Units.Contains(unitCode) || unitCode.IndexOfAny(['/', '\\']) >= 0 || unitCode is "." or "..")
        {
            throw new ArgumentException($"Mã đơn vị '{unitCode}' không có trong danh mục.", nameof(unitCode));
        }

        string folder = Path.GetFullPath(Path.Combine(Root, month.ToString(MonthFormat, CultureInfo.InvariantCulture), unitCode));
        if (!folder.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Mã đơn vị '{unitCode}' ra ngoài thư mục lưu trữ.", nameof(unitCode));
        }

        return folder;
    }

    private static string Extension(ReportFormat format) => format switch
    {
        ReportFormat.Pdf => "pdf",
        ReportFormat.Docx => "docx",
        _ => "xlsx",
    };
}
