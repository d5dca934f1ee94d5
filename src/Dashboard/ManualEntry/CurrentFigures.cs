using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Dashboard.ManualEntry;

/// <summary>
/// The figures an operator may correct: what the store holds now for a manual KPI, read the way a save overwrites it
/// (the point at the start of the period), with who last changed it by hand.
/// </summary>
public sealed class CurrentFigures(ITimeSeriesStore store, AuditLog audit)
{
    /// <summary>Most rows the table shows for several units; one unit always shows every recent period.</summary>
    public const int MaxRows = 200;

    /// <summary>
    /// The last <see cref="ManualPeriod.Recent"/> periods up to <paramref name="today"/>, newest first. For one unit every
    /// period, stored or not, so a missing figure can be entered; for several only the stored ones, units in the
    /// order given, at most <see cref="MaxRows"/>.
    /// </summary>
    public async Task<FigureTable> RecentAsync(KpiDefinition kpi, IReadOnlyList<string> units, DateOnly today, CancellationToken cancellationToken)
    {
        var periods = ManualPeriod.Last(kpi.Period, today, ManualPeriod.Recent);
        // Several units are read as "every unit" and filtered here: a list of thousands of codes would make a
        // query of thousands of OR terms.
        var series = await store.GetSeriesAsync(kpi.Code, units.Count > 1 ? null : units, VietnamTime.StartOf(periods[^1]),
            VietnamTime.StartOf(today.AddDays(1)), kpi.Period.OwnGranularity(), cancellationToken);
        var wanted = units.ToHashSet(StringComparer.Ordinal);
        var stored = new Dictionary<(string Unit, DateOnly Period), SeriesPoint>();
        foreach (var point in series.Where(p => wanted.Contains(p.Unit)).OrderBy(p => p.Time))
        {
            stored[(point.Unit, kpi.Period.FirstDayOf(point.Period))] = point;
        }

        var changes = await audit.LastChangesAsync(kpi.Code, cancellationToken);
        var rows = new List<CurrentFigure>();
        foreach (var period in periods)
        {
            foreach (string unit in units)
            {
                var point = stored.GetValueOrDefault((unit, period));
                if (point is null && units.Count > 1)
                {
                    continue;
                }

                if (rows.Count == MaxRows)
                {
                    return new FigureTable(periods, rows, Truncated: true);
                }

                rows.Add(new CurrentFigure(unit, period, point is not null, point?.Value, point?.Numerator, point?.Denominator, null, null,
                    changes.GetValueOrDefault((unit, period))));
            }
        }

        return new FigureTable(periods, rows, Truncated: false);
    }

    /// <summary>The figure a save for this unit and period would overwrite, as the audit trail records it as "old".</summary>
    public async Task<CurrentFigure> FindAsync(KpiDefinition kpi, string unit, DateOnly period, CancellationToken cancellationToken)
    {
        var start = VietnamTime.StartOf(period);
        var stored = (await store.GetLatestAsync(kpi.Code, start, [unit], cancellationToken)).FirstOrDefault(v => v.Time == start);
        var changes = await audit.LastChangesAsync(kpi.Code, cancellationToken);
        return new CurrentFigure(unit, period, stored is not null, stored?.Value, stored?.Numerator, stored?.Denominator, stored?.Source,
            stored?.ReceivedAt, changes.GetValueOrDefault((unit, period)));
    }
}
