namespace KpiMonitor.Reports.Content;

/// <summary>What the alerting service (ADR 011) recorded in the month for the reported unit and every unit below it.</summary>
/// <param name="BySeverity">One tally per severity, the most severe first.</param>
/// <param name="MonthEnded">False for a month in progress: what is open is open now, not at the month's end.</param>
public sealed record MonthAlerts(IReadOnlyList<AlertTally> BySeverity, bool MonthEnded)
{
    /// <summary>Alerts fired in the month, all severities.</summary>
    public int Fired => BySeverity.Sum(t => t.Fired);

    /// <summary>Alerts ended in the month, all severities.</summary>
    public int Resolved => BySeverity.Sum(t => t.Resolved);

    /// <summary>Alerts still firing at the end, all severities.</summary>
    public int OpenAtEnd => BySeverity.Sum(t => t.OpenAtEnd);
}
