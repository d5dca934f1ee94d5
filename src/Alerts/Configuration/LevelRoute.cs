namespace KpiMonitor.Alerts.Configuration;

/// <summary>Whom alerts about units of a level go to: the unit's own contacts, its parent's, or both.</summary>
public sealed record LevelRoute(string Level, bool NotifyUnit, bool NotifyParent);
