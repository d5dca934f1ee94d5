namespace KpiMonitor.Reports.Content;

/// <summary>What a change is measured against.</summary>
public enum ChangeBasis
{
    /// <summary>The period before (last month for a monthly KPI).</summary>
    PreviousPeriod,

    /// <summary>The same period a year earlier.</summary>
    LastYear,
}
