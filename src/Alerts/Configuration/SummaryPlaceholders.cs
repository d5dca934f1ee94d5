namespace KpiMonitor.Alerts.Configuration;

/// <summary>The placeholders a summary of each rule kind may use (the evaluator fills exactly these).</summary>
public static class SummaryPlaceholders
{
    private static readonly string[] Common = ["severity", "link", "since"];
    private static readonly string[] UnitKpi = ["unit", "unitCode", "kpi", "kpiCode", "period", "value", "target"];

    /// <summary>The placeholders allowed for <paramref name="kind"/>.</summary>
    public static IReadOnlyList<string> For(RuleKind kind) => kind switch
    {
        RuleKind.Target => [.. Common, .. UnitKpi, "status"],
        RuleKind.Threshold => [.. Common, .. UnitKpi, "previous", "change", "threshold"],
        RuleKind.Projection => [.. Common, .. UnitKpi, "projection", "method"],
        RuleKind.Stale => [.. Common, "unit", "unitCode", "kpi", "kpiCode", "lastFigure", "due"],
        RuleKind.SourceDown => [.. Common, "source", "failures", "lastSuccess", "error"],
        _ => Common,
    };
}
