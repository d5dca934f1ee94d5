namespace KpiMonitor.Shared.Kpis;

/// <summary>Which way a KPI improves.</summary>
public enum Direction
{
    /// <summary>A larger value is better (rates, coverage, scores).</summary>
    HigherIsBetter,

    /// <summary>A smaller value is better (late dossiers, ranks).</summary>
    LowerIsBetter,

    /// <summary>Neither: a volume to watch, not to judge (dossiers received).</summary>
    Neutral,
}
