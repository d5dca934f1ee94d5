namespace KpiMonitor.Alerts.Configuration;

/// <summary>How the year-end value of a KPI is projected from the year so far.</summary>
public enum ProjectionMethod
{
    /// <summary>
    /// For stocks (rates and levels as of a date, time roll-up <c>last</c>): a least-squares line through the monthly
    /// values of the last N months, read at December. With fewer than 3 months of the year there is no projection.
    /// </summary>
    LinearTrend,

    /// <summary>
    /// For flows (counts, and ratios summed over the months): the year-to-date figure divided by the months elapsed,
    /// times 12; a ratio projects its numerator and denominator that way, so the projected rate is the rate so far.
    /// </summary>
    Pace,
}
