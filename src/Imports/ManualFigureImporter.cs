using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Imports;

/// <summary>
/// Reads manual figures (plans, inspections, yearly rankings) from a .csv or .xlsx file: the rules shared by the
/// collector's drop folder and the dashboard's upload form. Columns are found by header (English or Vietnamese,
/// with or without diacritics): mã chỉ tiêu (kpi), mã đơn vị (unit), kỳ (period), giá trị (value), tử số
/// (numerator), mẫu số (denominator), ghi chú (note, ignored). Every row is checked against the catalogue and every
/// problem is reported in the current UI culture's language (Vietnamese unless it is English) with its row and column; the file is accepted whole or not at all
/// (see <see cref="ImportResult"/>).
/// </summary>
/// <remarks>
/// Numbers in text (every CSV cell, text cells of a workbook) may be invariant ("12.5") or Vietnamese ("12,5",
/// "1.234.567", "1.234,5"). A single dot followed by exactly three digits ("1.234", "12.500") means a thousand times
/// more in one convention than in the other, so it is refused with a message showing both unambiguous spellings;
/// a comma is always decimal. Number cells of a workbook are numbers and never ambiguous. Periods are
/// <c>yyyy-MM</c>, <c>yyyy-MM-dd</c>, <c>MM/yyyy</c>, <c>dd/MM/yyyy</c> or <c>yyyy</c>, or a date cell, and mean the
/// start of that day, month or year in Vietnam.
/// </remarks>
public sealed class ManualFigureImporter
{
    /// <summary>Most problems listed for one file; beyond that one line says how many more there are.</summary>
    public const int MaxErrors = 1_000;

    private readonly Catalog _catalog;
    private readonly TimeProvider _time;
    private readonly CatalogCodes _codes;

    /// <summary>
    /// Creates an importer that checks rows against <paramref name="catalog"/>, stamps them with <paramref name="time"/>'s
    /// now and reads no file past <paramref name="limits"/> (<see cref="ImportLimits.Default"/> when null).
    /// </summary>
    public ManualFigureImporter(Catalog catalog, TimeProvider time, ImportLimits? limits = null)
    {
        _catalog = catalog;
        _time = time;
        _codes = new CatalogCodes(catalog);
        Limits = limits ?? ImportLimits.Default;
    }

    /// <summary>What one file may hold.</summary>
    public ImportLimits Limits { get; }

    /// <summary>
    /// Reads one file. <paramref name="fileName"/> decides the format by its extension (.csv or .xlsx) and is not
    /// opened; <paramref name="source"/> is written into every observation. Never throws for a bad file: every
    /// problem, including an unreadable or oversized file, comes back in <see cref="ImportResult.Errors"/>.
    /// </summary>
    public ImportResult Read(Stream content, string fileName, string source)
    {
        string extension = Path.GetExtension(fileName);
        bool csv = extension.Equals(".csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && !extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            string hint = extension.Equals(".xls", StringComparison.OrdinalIgnoreCase)
                ? SharedText.Get("file.xlsHint")
                : "";
            return ImportResult.Failure(SharedText.Format("file.unsupported", Path.GetFileName(fileName), hint));
        }

        if (ReadAtMost(content, Limits.MaxBytes) is not { } bytes)
        {
            return ImportResult.Failure(Limits.TooLarge());
        }

        var table = ReadTable(bytes, csv);
        return table.Error is { } error ? ImportResult.Failure(error) : Convert(table.Rows, source);
    }

    /// <summary>
    /// Whatever a file holds, reading it refuses that file only: a reason the reader gave, or for any other failure
    /// of the file's content (a broken zip, invalid XML, a part the package library cannot make sense of) a plain
    /// one. The exception's own text says nothing a person can act on and may carry the file's content.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031", Justification = "Every exception here comes from the file's content; the file is refused, never the caller.")]
    private ImportTable ReadTable(byte[] bytes, bool csv)
    {
        var rows = new ImportRowBuilder(Limits, _time);
        try
        {
            return csv ? CsvTable.Read(bytes, Limits, rows) : XlsxTable.Read(bytes, Limits, rows);
        }
        catch (ImportRefusedException refused)
        {
            return ImportTable.Fail(refused.Message);
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
        {
            return ImportTable.Fail(csv
                ? SharedText.Get("file.badCsv")
                : SharedText.Format("file.badXlsx", ex.GetType().Name));
        }
    }

    private ImportResult Convert(IReadOnlyList<ImportRow> rows, string source)
    {
        if (rows.Count == 0)
        {
            return ImportResult.Failure(SharedText.Get("file.empty"));
        }

        var (header, headerProblem) = ImportHeader.Parse(rows[0]);
        if (header is null)
        {
            return ImportResult.Failure(headerProblem ?? SharedText.Get("file.badHeader"), rows.Count - 1);
        }

        if (rows.Count == 1)
        {
            return ImportResult.Failure(SharedText.Get("file.noRows"));
        }

        var reader = new FigureRowReader(_catalog, _codes, header, source, _time.GetUtcNow());
        var observations = new List<Observation>(rows.Count - 1);
        var errors = new List<ImportError>();
        var firstRowOf = new Dictionary<(string Kpi, string Unit, DateTimeOffset Time), int>();
        foreach (var row in rows.Skip(1))
        {
            if (reader.Read(row, errors) is not { } observation)
            {
                continue;
            }

            // Two rows for the same KPI, unit and period would silently overwrite each other; which one is meant?
            if (firstRowOf.TryGetValue((observation.Kpi, observation.Unit, observation.Time), out int first))
            {
                errors.Add(new ImportError(row.Number, null, observation.Unit, SharedText.Format("row.duplicate", first)));
                continue;
            }

            firstRowOf[(observation.Kpi, observation.Unit, observation.Time)] = row.Number;
            observations.Add(observation);
        }

        if (errors.Count == 0)
        {
            return ImportResult.Success(observations, rows.Count - 1);
        }

        if (errors.Count > MaxErrors)
        {
            int more = errors.Count - MaxErrors;
            errors.RemoveRange(MaxErrors, more);
            errors.Add(new ImportError(null, null, null, SharedText.Format("file.moreErrors", more)));
        }

        return ImportResult.Failure(errors, rows.Count - 1);
    }

    /// <summary>The whole stream, or null as soon as it proves longer than <paramref name="limit"/> bytes.</summary>
    private static byte[]? ReadAtMost(Stream content, int limit)
    {
        if (content.CanSeek && content.Length - content.Position > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = content.Read(chunk)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
