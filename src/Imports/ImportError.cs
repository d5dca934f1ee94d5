using KpiMonitor.Shared.Text;

namespace KpiMonitor.Imports;

/// <summary>
/// One problem found in an imported file, in the reader's language (<see cref="KpiMonitor.Shared.Text.SharedText"/>). <paramref name="Row"/> is the row number a person sees in
/// Excel (the header is row 1) and is null for a problem of the whole file; <paramref name="Column"/> is the column's
/// header as written in the file; <paramref name="Unit"/> is the unit code of the row when it could be read.
/// </summary>
public sealed record ImportError(int? Row, string? Column, string? Unit, string Problem)
{
    /// <summary>For example "dòng 7, cột 'mẫu số': '12a' không phải số".</summary>
    public override string ToString() => (Row, Column) switch
    {
        (null, null) => Problem,
        (null, { } column) => SharedText.Format("import.at.column", column, Problem),
        ({ } row, null) => SharedText.Format("import.at.row", row, Problem),
        ({ } row, { } column) => SharedText.Format("import.at.rowColumn", row, column, Problem),
    };
}
