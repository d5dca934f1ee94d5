namespace KpiMonitor.Shared.Kpis;

/// <summary>What a KPI's number is, which decides how it is stored, validated and rolled up.</summary>
public enum KpiKind
{
    /// <summary>Numerator ÷ denominator, shown as a percentage; stored as both parts so it can be rolled up.</summary>
    Ratio,

    /// <summary>A percentage computed by the source (0–100) that cannot be decomposed.</summary>
    Percent,

    /// <summary>A non-negative count of things in a period.</summary>
    Count,

    /// <summary>A score on a scale (for example the 766 index, 0–100).</summary>
    Score,

    /// <summary>A rank among peers, 1 being best.</summary>
    Rank,
}
