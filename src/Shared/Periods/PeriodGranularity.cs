namespace KpiMonitor.Shared.Periods;

/// <summary>The size of the buckets a series is aggregated into (last value of each bucket).</summary>
public enum PeriodGranularity
{
    /// <summary>Calendar day in Vietnam.</summary>
    Day,

    /// <summary>ISO week, Monday to Sunday.</summary>
    Week,

    /// <summary>Calendar month.</summary>
    Month,

    /// <summary>Calendar quarter.</summary>
    Quarter,

    /// <summary>Calendar year.</summary>
    Year,
}
