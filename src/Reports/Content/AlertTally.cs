using KpiMonitor.Alerts;

namespace KpiMonitor.Reports.Content;

/// <summary>The month's alerts of one severity for a unit and the units below it.</summary>
/// <param name="Severity">The severity counted: at firing for <paramref name="Fired"/>, the last one before the end for the others.</param>
/// <param name="Fired">Alerts that fired during the month.</param>
/// <param name="Resolved">Alerts that ended during the month, whenever they fired.</param>
/// <param name="OpenAtEnd">Alerts still firing at the month's end (or now, for a month in progress), whenever they fired.</param>
public sealed record AlertTally(AlertSeverity Severity, int Fired, int Resolved, int OpenAtEnd);
