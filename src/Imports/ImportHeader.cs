using System.Globalization;
using System.Text;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Imports;

/// <summary>
/// Finds the columns by their header: case, surrounding spaces and Vietnamese diacritics do not matter, so
/// "Mã chỉ tiêu", "ma chi tieu" and "KPI" all name the KPI column. Other columns (a unit's name kept for
/// the reader's convenience, for instance) are ignored.
/// </summary>
internal sealed class ImportHeader
{

    private static readonly Dictionary<string, FigureField> Aliases = new (string Alias, FigureField Field)[]
    {
        ("kpi", FigureField.Kpi), ("chỉ tiêu", FigureField.Kpi), ("mã chỉ tiêu", FigureField.Kpi),
        ("unit", FigureField.Unit), ("đơn vị", FigureField.Unit), ("mã đơn vị", FigureField.Unit),
        ("period", FigureField.Period), ("kỳ", FigureField.Period), ("kỳ báo cáo", FigureField.Period), ("thời gian", FigureField.Period),
        ("value", FigureField.Value), ("giá trị", FigureField.Value),
        ("numerator", FigureField.Numerator), ("tử số", FigureField.Numerator),
        ("denominator", FigureField.Denominator), ("mẫu số", FigureField.Denominator),
        ("note", FigureField.Note), ("ghi chú", FigureField.Note),
    }.ToDictionary(a => Fold(a.Alias), a => a.Field, StringComparer.Ordinal);

    private readonly Dictionary<FigureField, (int Index, string Name)> _columns;

    private ImportHeader(Dictionary<FigureField, (int Index, string Name)> columns) => _columns = columns;

    /// <summary>The columns of the header row, or the one file-level problem that makes the file unreadable.</summary>
    public static (ImportHeader? Header, string? Problem) Parse(ImportRow row)
    {
        var columns = new Dictionary<FigureField, (int Index, string Name)>();
        foreach (var (i, cell) in row.Cells)
        {
            string name = cell.Text;
            if (!Aliases.TryGetValue(Fold(name), out var field))
            {
                continue;
            }

            if (columns.TryGetValue(field, out var first))
            {
                return (null, SharedText.Format("header.duplicate", first.Name, name, CanonicalName(field)));
            }

            columns[field] = (i, name);
        }

        var missing = new List<FigureField>();
        missing.AddRange(new[] { FigureField.Kpi, FigureField.Unit, FigureField.Period }.Where(f => !columns.ContainsKey(f)));
        bool hasNumerator = columns.ContainsKey(FigureField.Numerator), hasDenominator = columns.ContainsKey(FigureField.Denominator);
        if (hasNumerator != hasDenominator)
        {
            missing.Add(hasNumerator ? FigureField.Denominator : FigureField.Numerator);
        }

        string? noFigures = !columns.ContainsKey(FigureField.Value) && !hasNumerator && !hasDenominator
            ? SharedText.Format("header.noFigures", CanonicalName(FigureField.Value), CanonicalName(FigureField.Numerator), CanonicalName(FigureField.Denominator))
            : null;
        if (missing.Count == 0 && noFigures is null)
        {
            return (new ImportHeader(columns), null);
        }

        var names = missing.Select(f => SharedText.Format("header.column", CanonicalName(f))).Append(noFigures).OfType<string>();
        return (null, SharedText.Format("header.missing", row.Number, string.Join("; ", names)));
    }

    /// <summary>The column's index, or null when the file has no such column.</summary>
    public int? IndexOf(FigureField field) => _columns.TryGetValue(field, out var column) ? column.Index : null;

    /// <summary>The column's header as written in the file, so a person finds it; the canonical name when absent.</summary>
    public string NameOf(FigureField field) => _columns.TryGetValue(field, out var column) ? column.Name : CanonicalName(field);

    /// <summary>The cell of that column in a row (empty when the file has no such column).</summary>
    public ImportCell CellOf(ImportRow row, FigureField field) => IndexOf(field) is { } i ? row[i] : ImportCell.Empty;

    /// <summary>Lower case, no diacritics ('đ' → 'd'), single spaces: "  Mã  Chỉ tiêu " → "ma chi tieu".</summary>
    internal static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text.Trim().Replace('đ', 'd').Replace('Đ', 'd').Replace('_', ' ').Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c) && (builder.Length == 0 || builder[^1] == ' '))
            {
                continue;
            }

            builder.Append(char.IsWhiteSpace(c) ? ' ' : char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>The name used in messages about a column, for example a column the file does not have.</summary>
    private static string CanonicalName(FigureField field) => SharedText.Get("field." + field);
}
