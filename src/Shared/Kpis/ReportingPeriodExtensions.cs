using KpiMonitor.Shared.Periods;

namespace KpiMonitor.Shared.Kpis;

/// <summary>Calendar arithmetic of reporting periods.</summary>
public static class ReportingPeriodExtensions
{
    /// <summary>
    /// The first day of the reporting period containing <paramref name="day"/>. Observations are keyed by it,
    /// so a figure entered for 15 January of a monthly KPI lands on, and overwrites, January's point.
    /// </summary>
    public static DateOnly FirstDayOf(this ReportingPeriod period, DateOnly day) => period switch
    {
        ReportingPeriod.Daily => day,
        ReportingPeriod.Monthly => PeriodBucket.Floor(day, PeriodGranularity.Month),
        ReportingPeriod.Quarterly => PeriodBucket.Floor(day, PeriodGranularity.Quarter),
        ReportingPeriod.HalfYearly => new DateOnly(day.Year, day.Month <= 6 ? 1 : 7, 1),
        ReportingPeriod.Yearly => PeriodBucket.Floor(day, PeriodGranularity.Year),
        _ => throw new ArgumentOutOfRangeException(nameof(period)),
    };

    /// <summary>
    /// The first day of the reporting period after the one containing <paramref name="day"/>: 1 December for a
    /// monthly KPI on 15 November, 1 July for a half-yearly one on 3 February.
    /// </summary>
    public static DateOnly NextFirstDay(this ReportingPeriod period, DateOnly day)
    {
        var first = period.FirstDayOf(day);
        var granularity = period.OwnGranularity();
        var next = PeriodBucket.Next(first, granularity);
        // A half-year spans two of its own buckets (quarters).
        while (period.FirstDayOf(next) == first)
        {
            next = PeriodBucket.Next(next, granularity);
        }

        return next;
    }

    /// <summary>
    /// The calendar buckets that hold exactly one figure of this period each, so that longer buckets can add them up:
    /// days, months, quarters (half-years start on a quarter's first day), years.
    /// </summary>
    public static PeriodGranularity OwnGranularity(this ReportingPeriod period) => period switch
    {
        ReportingPeriod.Daily => PeriodGranularity.Day,
        ReportingPeriod.Monthly => PeriodGranularity.Month,
        ReportingPeriod.Quarterly or ReportingPeriod.HalfYearly => PeriodGranularity.Quarter,
        ReportingPeriod.Yearly => PeriodGranularity.Year,
        _ => throw new ArgumentOutOfRangeException(nameof(period)),
    };

    /// <summary>
    /// The calendar period pages read a KPI by: its own period, except daily figures (read by month) and half-years
    /// (read by year, the second half's figure being the year's).
    /// </summary>
    public static PeriodGranularity Granularity(this ReportingPeriod period) => period switch
    {
        ReportingPeriod.Yearly or ReportingPeriod.HalfYearly => PeriodGranularity.Year,
        ReportingPeriod.Quarterly => PeriodGranularity.Quarter,
        _ => PeriodGranularity.Month,
    };
}
