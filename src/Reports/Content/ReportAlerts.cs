using KpiMonitor.Alerts;
using KpiMonitor.Alerts.History;
using KpiMonitor.Alerts.Lifecycle.Events;

namespace KpiMonitor.Reports.Content;

/// <summary>
/// Counts a month's alerts for the report from the alert events in the store (<see cref="AlertEventLog"/>): the same
/// events the alerting service folds and the dashboard reads, so the report cannot disagree with them. Without an event
/// log (a host without alerting) there is nothing to count and the report says nothing about alerts.
/// </summary>
public sealed class ReportAlerts(AlertEventLog? events)
{
    /// <summary>Whether the host has alerting at all.</summary>
    public bool Available => events is not null;

    /// <summary>
    /// Alerts of <paramref name="units"/> fired and ended in [<paramref name="start"/>, <paramref name="end"/>) and still firing
    /// at <paramref name="end"/>, by severity; null without alerting. Source alerts (no unit) are not counted: the report
    /// states stale sources on its own.
    /// </summary>
    public async Task<MonthAlerts?> CountAsync(IReadOnlySet<string> units, DateTimeOffset start, DateTimeOffset end, bool monthEnded, CancellationToken cancellationToken)
    {
        if (events is null)
        {
            return null;
        }

        // Every event: an alert open at the month's end may have fired long before it.
        var all = await events.ReadAsync(since: null, cancellationToken);
        var fired = new Dictionary<AlertSeverity, int>();
        var resolved = new Dictionary<AlertSeverity, int>();
        var open = new Dictionary<AlertSeverity, int>();
        foreach (var instance in all.Where(e => e.Key.Unit is { } u && e.Key.Source is null && units.Contains(u) && e.At < end).GroupBy(e => e.Key.Id, StringComparer.Ordinal))
        {
            bool firing = false;
            var severity = AlertSeverity.Warning;
            foreach (var e in instance.OrderBy(e => e.Sequence))
            {
                switch (e)
                {
                    case AlertFired f:
                        firing = true;
                        severity = f.Snapshot.Severity;
                        Count(fired, severity, e.At >= start);
                        break;
                    case AlertSeverityChanged c:
                        severity = c.Snapshot.Severity;
                        break;
                    case AlertResolved when firing:
                        firing = false;
                        Count(resolved, severity, e.At >= start);
                        break;
                }
            }

            Count(open, severity, firing);
        }

        var tallies = new[] { AlertSeverity.Critical, AlertSeverity.Warning }
            .Select(s => new AlertTally(s, fired.GetValueOrDefault(s), resolved.GetValueOrDefault(s), open.GetValueOrDefault(s)))
            .ToList();
        return new MonthAlerts(tallies, monthEnded);
    }

    private static void Count(Dictionary<AlertSeverity, int> counts, AlertSeverity severity, bool when)
    {
        if (when)
        {
            counts[severity] = counts.GetValueOrDefault(severity) + 1;
        }
    }
}
