using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Collector.Sources;

/// <summary>
/// Where a source reader puts what it read. <see cref="AddAsync"/> returns once the observations are
/// durable (spooled on disk), so a reader can go on to the next page knowing nothing is lost.
/// </summary>
public interface IObservationSink
{
    /// <summary>Hands over observations of one page or file; durable when the task completes.</summary>
    Task AddAsync(IReadOnlyList<Observation> observations, CancellationToken cancellationToken);

    /// <summary>
    /// A record that could not be read: it is left out whole (nothing half-parsed is written) and reported
    /// with the unit (the source's own code when it could not be mapped) and the field.
    /// </summary>
    void Reject(string unit, string field, string problem);
}
