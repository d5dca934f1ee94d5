using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Rollups;

namespace KpiMonitor.Alerts.Evaluation;

/// <summary>
/// The year-end value of a KPI projected from the year so far, as <see cref="ProjectionMethod"/> states it, for many
/// units from one read. Periods are the KPI's calendar periods (months for monthly and daily KPIs, quarters for
/// quarterly ones); a KPI read by year has nothing to project.
/// <list type="bullet">
/// <item><b>Pace</b> uses the periods of the year that have ended (the one in progress is partial): their total ÷ their
/// number × periods in a year; a ratio's projection is the rate of those periods. In January nothing has ended: no projection.</item>
/// <item><b>Linear trend</b> fits a least-squares line through the values of the last N months (the one in progress
/// included: a stock's figure so far is its level now), read at December; at least 3 values, and not before the year's third month.
/// A percentage is kept within 0–100, a count at or above 0.</item>
/// </list>
/// </summary>
internal static class YearEndProjection
{
    public static async Task<IReadOnlyDictionary<string, double?>> ProjectAsync(
        KpiReader reader, KpiDefinition kpi, ProjectionSettings settings, IReadOnlyCollection<string> units, DateOnly today, CancellationToken cancellationToken)
    {
        var granularity = kpi.Period.Granularity();
        var none = units.ToDictionary(u => u, _ => (double?)null, StringComparer.Ordinal);
        if (granularity is not (PeriodGranularity.Month or PeriodGranularity.Quarter) || units.Count == 0)
        {
            return none;
        }

        int monthsPer = granularity == PeriodGranularity.Month ? 1 : 3, perYear = 12 / monthsPer;
        var yearStart = new DateOnly(today.Year, 1, 1);
        var current = PeriodBucket.Floor(today, granularity);
        int currentIndex = (current.Month - 1) / monthsPer;
        if (settings.Method == ProjectionMethod.Pace)
        {
            if (current == yearStart)
            {
                return none;
            }

            var ended = await reader.GetSeriesAsync(kpi.Code, units, VietnamTime.StartOf(yearStart), VietnamTime.StartOf(current), granularity, cancellationToken);
            var soFar = new PeriodBucket(yearStart, VietnamTime.StartOf(yearStart), VietnamTime.StartOf(current));
            return ended.ToDictionary(e => e.Key, e => Pace(PeriodTotals.Add([soFar], e.Value)[0].Value, e.Value.Count, perYear), StringComparer.Ordinal);
        }

        if (currentIndex < 2)
        {
            return none;
        }

        int periods = Math.Max(3, (settings.Months + monthsPer - 1) / monthsPer);
        var first = current.AddMonths(-(periods - 1) * monthsPer);
        var recent = await reader.GetSeriesAsync(kpi.Code, units, VietnamTime.StartOf(first), VietnamTime.StartOf(PeriodBucket.Next(current, granularity)), granularity, cancellationToken);
        return recent.ToDictionary(
            e => e.Key,
            e => Trend(e.Value.Select(p => (Index(p.Period, today.Year, monthsPer), p.Value.Value)), perYear - 1, kpi),
            StringComparer.Ordinal);
    }

    /// <summary>A ratio projects numerator and denominator alike, so its rate stands; any other flow scales to the year.</summary>
    private static double? Pace(RolledValue yearSoFar, int periodsEnded, int perYear) =>
        yearSoFar.Value is not { } total ? null : yearSoFar.Numerator is not null ? total : total / periodsEnded * perYear;

    internal static double? Trend(IEnumerable<(int X, double? Y)> points, int december, KpiDefinition kpi)
    {
        var known = points.Where(p => p.Y is { } y && double.IsFinite(y)).Select(p => (X: (double)p.X, Y: p.Y!.Value)).ToList();
        if (known.Count < 3)
        {
            return null;
        }

        double meanX = known.Average(p => p.X), meanY = known.Average(p => p.Y);
        double sxx = known.Sum(p => (p.X - meanX) * (p.X - meanX)), sxy = known.Sum(p => (p.X - meanX) * (p.Y - meanY));
        double projected = meanY + (sxy / sxx * (december - meanX));
        return kpi.IsPercentage ? Math.Clamp(projected, 0, 100) : kpi.Kind == KpiKind.Count ? Math.Max(0, projected) : projected;
    }

    /// <summary>Periods since January of <paramref name="year"/>: last year's months are negative.</summary>
    private static int Index(DateOnly period, int year, int monthsPer) => (((period.Year - year) * 12) + period.Month - 1) / monthsPer;
}
