namespace KpiMonitor.Alerts.Configuration;

/// <summary>The contacts of one unit, or of every unit of one level (exactly one of the two is set).</summary>
public sealed record RecipientEntry(string? Unit, string? Level, IReadOnlyList<Contact> Contacts);
