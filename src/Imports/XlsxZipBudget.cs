using System.IO.Compression;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Imports;

/// <summary>
/// Inflates every entry of the zip once, counting the bytes that actually come out (a zip may declare any size),
/// and refuses the file as soon as the total passes <see cref="ImportLimits.MaxDecompressedBytes"/>: a small
/// compressed file of millions of empty rows costs at most the limit, at the memory of one buffer.
/// </summary>
internal static class XlsxZipBudget
{
    /// <summary>A workbook has a dozen parts; thousands of entries are no spreadsheet.</summary>
    private const int MaxEntries = 1_000;

    public static void Check(byte[] bytes, ImportLimits limits, ImportRowBuilder clock)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        if (zip.Entries.Count > MaxEntries)
        {
            throw new ImportRefusedException(SharedText.Format("xlsx.entries", ImportLimits.N(MaxEntries)));
        }

        var buffer = new byte[81_920];
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            using var content = entry.Open();
            int read;
            while ((read = content.Read(buffer)) > 0)
            {
                total += read;
                if (total > limits.MaxDecompressedBytes)
                {
                    throw new ImportRefusedException(limits.TooMuchUnzipped());
                }
            }

            if (clock.CheckTime() is { } slow)
            {
                throw new ImportRefusedException(slow);
            }
        }
    }
}
