namespace KpiMonitor.Alerts.Lifecycle;

/// <summary>A resolution still to be told (held by quiet hours): the last breach, when it fired and when it cleared.</summary>
public sealed record ResolutionNotice(AlertSnapshot LastBreach, DateTimeOffset FiredAt, DateTimeOffset ResolvedAt);
