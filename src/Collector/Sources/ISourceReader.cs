using KpiMonitor.Shared.Sources;

namespace KpiMonitor.Collector.Sources;

/// <summary>Reads one kind of source. A failure of the whole source throws <see cref="SourceReadException"/>.</summary>
public interface ISourceReader
{
    /// <summary>The kind this reader handles.</summary>
    SourceKind Kind { get; }

    /// <summary>Reads everything the source offers for its polling window into <paramref name="sink"/>.</summary>
    Task ReadAsync(SourceDefinition source, IObservationSink sink, CancellationToken cancellationToken);
}
