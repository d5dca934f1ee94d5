namespace KpiMonitor.Shared.Storage;

/// <summary>Where the collector records how each source is doing; both stores implement it beside <see cref="ITimeSeriesStore"/>.</summary>
public interface ISourceHealthStore
{
    /// <summary>Records a source's state after a run.</summary>
    Task WriteSourceHealthAsync(SourceHealth health, CancellationToken cancellationToken);

    /// <summary>The latest recorded state of every source.</summary>
    Task<IReadOnlyList<SourceHealth>> GetSourceHealthAsync(CancellationToken cancellationToken);
}
