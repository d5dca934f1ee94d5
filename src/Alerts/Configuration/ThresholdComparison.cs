namespace KpiMonitor.Alerts.Configuration;

/// <summary>What a threshold rule compares.</summary>
public enum ThresholdComparison
{
    /// <summary>The value itself.</summary>
    Value,

    /// <summary>The change against the previous month.</summary>
    MonthOnMonth,

    /// <summary>The change against the same month of the previous year.</summary>
    YearOnYear,
}
