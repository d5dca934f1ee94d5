namespace KpiMonitor.Dashboard.ManualEntry;

/// <summary>The rows of the "stored figures" table; <see cref="Truncated"/> when more were stored than it shows.</summary>
public sealed record FigureTable(IReadOnlyList<DateOnly> Periods, IReadOnlyList<CurrentFigure> Rows, bool Truncated);
