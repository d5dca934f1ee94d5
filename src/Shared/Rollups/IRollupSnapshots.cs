using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;

namespace KpiMonitor.Shared.Rollups;

/// <summary>
/// Rolled-up snapshots of a KPI for every unit, kept by a process that reads the same series over and over (the
/// dashboard's cache). <see cref="KpiReader"/> asks it first and reads the store itself for what it does not serve.
/// </summary>
public interface IRollupSnapshots
{
    /// <summary>Whether a series of <paramref name="periods"/> periods of <paramref name="granularity"/> is served from snapshots.</summary>
    bool Serves(PeriodGranularity granularity, int periods);

    /// <summary>A snapshot of <paramref name="kpi"/> covering the periods starting <paramref name="first"/> to <paramref name="last"/>.</summary>
    Task<RollupSnapshot> GetAsync(KpiDefinition kpi, PeriodGranularity granularity, DateOnly first, DateOnly last, CancellationToken cancellationToken);
}
