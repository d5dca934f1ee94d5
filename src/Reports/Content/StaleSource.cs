namespace KpiMonitor.Reports.Content;

/// <summary>A source whose figures are stale (<see cref="KpiMonitor.Shared.Storage.SourceFreshness"/>) when the report is made.</summary>
/// <param name="Code">The source's code.</param>
/// <param name="Name">Its Vietnamese name.</param>
/// <param name="LastSuccess">Its last successful run, null if it never succeeded.</param>
/// <param name="Units">How many units it delivered figures for.</param>
public sealed record StaleSource(string Code, string Name, DateTimeOffset? LastSuccess, int Units);
