namespace KpiMonitor.Shared.Kpis;

/// <summary>How often a KPI is reported, which is the period an observation's timestamp describes.</summary>
public enum ReportingPeriod
{
    /// <summary>One value a day.</summary>
    Daily,

    /// <summary>One value a month.</summary>
    Monthly,

    /// <summary>One value a quarter.</summary>
    Quarterly,

    /// <summary>One value every six months ("6 tháng đầu năm").</summary>
    HalfYearly,

    /// <summary>One value a year (rankings).</summary>
    Yearly,
}
