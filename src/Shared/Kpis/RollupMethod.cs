namespace KpiMonitor.Shared.Kpis;

/// <summary>How a KPI's values of several units combine into their parent's value.</summary>
public enum RollupMethod
{
    /// <summary>Σ numerators ÷ Σ denominators; never the mean of the percentages.</summary>
    SumRatio,

    /// <summary>Σ values (counts).</summary>
    Sum,

    /// <summary>Does not roll up: a parent shows only its own reported value (scores, ranks).</summary>
    None,
}
