namespace KpiMonitor.Alerts.Configuration;

/// <summary>How a change is measured.</summary>
public enum ChangeUnit
{
    /// <summary>Difference in the KPI's own unit (percentage points for a rate): 52 % → 41 % is −11.</summary>
    Points,

    /// <summary>Relative difference in per cent of the earlier value: 200 → 150 dossiers is −25.</summary>
    Percent,
}
