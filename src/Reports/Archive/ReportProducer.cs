using KpiMonitor.Reports.Generation;

namespace KpiMonitor.Reports.Archive;

/// <summary>
/// Makes a unit's monthly report (<see cref="ReportGenerator"/>) and puts it in the archive, telling each stage as it
/// starts: the one service the dashboard's queue and the alerting process's schedule both call.
/// </summary>
public sealed class ReportProducer(ReportGenerator generator, ReportArchive archive)
{
    /// <summary>The report of <paramref name="unitCode"/> for the month holding <paramref name="month"/>, archived.</summary>
    public async Task<ArchivedReport> ProduceAsync(string unitCode, DateOnly month, IProgress<ReportStage>? progress, CancellationToken cancellationToken)
    {
        var files = await generator.GenerateAsync(unitCode, month, progress, cancellationToken);
        var archived = await archive.SaveAsync(files, cancellationToken);
        progress?.Report(ReportStage.Done);
        return archived;
    }
}
