using KpiMonitor.Shared.Sources;
using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Dashboard.Sources;

/// <summary>
/// A configured source as the sources page shows it: its latest run (null when it never ran), whether its data is
/// stale, and what it delivered (units with figures, newest period described).
/// </summary>
public sealed record SourceStatus(
    SourceDefinition Source,
    SourceHealth? Health,
    bool Stale,
    int UnitsReported,
    DateTimeOffset? NewestPeriod);
