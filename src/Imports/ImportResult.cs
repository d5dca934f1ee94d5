using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Imports;

/// <summary>
/// The outcome of importing one file. The rule is all-or-nothing per file: <see cref="Observations"/> holds the
/// figures only when every row is valid, and is empty as soon as one row is wrong. A plan spreadsheet imported
/// by halves leaves leadership looking at a mix of new and old figures with no way to tell which is which;
/// refusing the file whole, with every error listed, makes the person fix it and drop it again.
/// </summary>
public sealed class ImportResult
{
    private ImportResult(IReadOnlyList<Observation> observations, IReadOnlyList<ImportError> problems, int rows)
    {
        Observations = observations;
        Problems = problems;
        Errors = problems.Select(p => p.ToString()).ToList();
        Rows = rows;
    }

    /// <summary>The figures of the file; empty unless <see cref="Succeeded"/>.</summary>
    public IReadOnlyList<Observation> Observations { get; }

    /// <summary>Every problem found, in the reader's language (<see cref="KpiMonitor.Shared.Text.SharedText"/>), each naming the row and column (see <see cref="ImportError"/>).</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>The same problems with row, column and unit kept apart, for callers that report them field by field.</summary>
    public IReadOnlyList<ImportError> Problems { get; }

    /// <summary>Whether the whole file was valid and <see cref="Observations"/> holds all its figures.</summary>
    public bool Succeeded => Problems.Count == 0;

    /// <summary>Non-empty data rows read (the header and blank rows are not counted).</summary>
    public int Rows { get; }

    internal static ImportResult Success(IReadOnlyList<Observation> observations, int rows) => new(observations, [], rows);

    internal static ImportResult Failure(IReadOnlyList<ImportError> problems, int rows) => new([], problems, rows);

    internal static ImportResult Failure(string fileProblem, int rows = 0) => new([], [new ImportError(null, null, null, fileProblem)], rows);
}
