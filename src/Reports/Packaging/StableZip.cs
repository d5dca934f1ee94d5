using System.IO.Compression;

namespace KpiMonitor.Reports.Packaging;

/// <summary>
/// Rewrites a ZIP package (DOCX, XLSX) with every entry dated 1 January 1980, the earliest time ZIP can hold, in the
/// order written: System.IO.Packaging stamps each entry with the time of writing, so the same report would otherwise
/// differ byte for byte every minute. What the report says about its own making is in its text, not in the ZIP.
/// </summary>
public static class StableZip
{
    private static readonly DateTimeOffset Epoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The same entries with fixed times.</summary>
    public static byte[] Normalize(byte[] package)
    {
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                var copy = archive.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = Epoch;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }

        return output.ToArray();
    }
}
