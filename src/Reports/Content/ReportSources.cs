using KpiMonitor.Shared.Sources;

namespace KpiMonitor.Reports.Content;

/// <summary>The configured sources whose freshness the report states (the collector's <c>sources.json</c>).</summary>
/// <param name="All">Every configured source; disabled ones are not judged.</param>
public sealed record ReportSources(IReadOnlyList<SourceDefinition> All);
