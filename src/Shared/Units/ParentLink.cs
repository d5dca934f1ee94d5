namespace KpiMonitor.Shared.Units;

/// <summary>From <paramref name="From"/> on (inclusive, local date) the unit sits under <paramref name="ParentCode"/>; null means it is a root.</summary>
public sealed record ParentLink(DateOnly From, string? ParentCode);
