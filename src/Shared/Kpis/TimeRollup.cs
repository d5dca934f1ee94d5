namespace KpiMonitor.Shared.Kpis;

/// <summary>
/// How a KPI's figures of its own periods combine into a longer period (months into a quarter or a year).
/// The store keeps one figure per unit and period either way; this decides what a quarterly or yearly view shows.
/// </summary>
public enum TimeRollup
{
    /// <summary>A level as of the period's end (coverage, dossiers in progress, scores, ranks): the last period's figure stands.</summary>
    Last,

    /// <summary>
    /// A flow counted within each period (dossiers received, documents sent): the periods are added up, numerators and
    /// denominators apart for ratios, after each period was rolled up with the unit tree of that period.
    /// </summary>
    Sum,
}
