namespace KpiMonitor.Dashboard.ManualEntry;

/// <summary>
/// What the store holds for one KPI, unit and period (nothing when <see cref="Stored"/> is false), with the last
/// manual change of it from the audit trail. Source and arrival are known only when the figure was looked up alone.
/// </summary>
public sealed record CurrentFigure(
    string Unit,
    DateOnly Period,
    bool Stored,
    double? Value,
    double? Numerator,
    double? Denominator,
    string? Source,
    DateTimeOffset? ReceivedAt,
    AuditEntry? LastChange);
