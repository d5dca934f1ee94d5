using KpiMonitor.SourceSimulator.Periods;

namespace KpiMonitor.SourceSimulator.Figures;

/// <summary>How the province's figures move over 2023–2027: adoption curves, the seasons, growth and the 2025 reform.</summary>
internal static class Trend
{
    private static readonly MonthPeriod Origin = new(2023, 1);
    private static readonly MonthPeriod Reform = new(2025, 7);

    /// <summary>Months from January 2023 to December 2027: the span over which a rate travels from start to end.</summary>
    private const double Span = 59;

    /// <summary>
    /// Progress from 0 to 1 along an S-curve: slow start, fast middle, saturation. A unit's
    /// <paramref name="speed"/> and <paramref name="lag"/> make early and late adopters.
    /// </summary>
    public static double Progress(MonthPeriod period, double speed, double lag)
    {
        double t = (period.Index - Origin.Index) / Span;
        double s = Math.Clamp((t * speed) + lag, 0, 1);
        return s * s * (3 - (2 * s));
    }

    /// <summary>A rate on its way along <paramref name="curve"/> plus this month's noise, kept inside [0, 1].</summary>
    public static double Rate(MonthPeriod period, in Curve curve, double noise) =>
        Math.Clamp(curve.Start + ((curve.End - curve.Start) * Progress(period, curve.Speed, curve.Lag)) + noise, 0, 1);

    /// <summary>Monthly volume factor: Tết empties February, year-end closing fills December and January.</summary>
    public static double Season(int month) => month switch
    {
        1 => 1.08,
        2 => 0.72,
        3 => 1.04,
        7 or 8 => 0.95,
        12 => 1.12,
        _ => 1.0,
    };

    /// <summary>About 4 % more work each year after 2023.</summary>
    public static double Growth(MonthPeriod period) => 1 + (0.04 * Math.Max(0, (period.Index - Origin.Index) / 12.0));

    /// <summary>Whether the district level is abolished (1 July 2025): communes take over its caseload.</summary>
    public static bool AfterReform(MonthPeriod period) => period >= Reform;
}
