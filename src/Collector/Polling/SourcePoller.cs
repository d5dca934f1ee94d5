using System.Diagnostics;
using KpiMonitor.Collector.Sources;
using KpiMonitor.Collector.Spool;
using KpiMonitor.Shared.Telemetry;

namespace KpiMonitor.Collector.Polling;

/// <summary>
/// Polls one source once: its reader puts pages into the spool, the run is recorded (state file and store),
/// and the drain loop is woken. Failures of the source are caught here, where they are handled: logged once,
/// counted, and returned in the summary.
/// </summary>
public sealed class SourcePoller(
    SourceRegistry sources,
    IEnumerable<ISourceReader> readers,
    ObservationSpool spool,
    CollectorStateFile state,
    SourceHealthWriter health,
    DrainSignal drain,
    TimeProvider time,
    ILogger<SourcePoller> logger)
{
    private readonly Dictionary<KpiMonitor.Shared.Sources.SourceKind, ISourceReader> _readers = readers.ToDictionary(r => r.Kind);

    public Task<PollSummary> PollAsync(string code, CancellationToken cancellationToken) =>
        PollAsync(sources.Get(code), cancellationToken);

    /// <summary>Polls a source definition as given (the demo backfills history with a wider <c>Months</c> window).</summary>
    public async Task<PollSummary> PollAsync(KpiMonitor.Shared.Sources.SourceDefinition source, CancellationToken cancellationToken)
    {
        // One trace per poll: the source requests (HttpClient) and, later, the store writes of its points join it.
        using var activity = KpiMonitorTelemetry.ActivitySource.StartActivity("poll " + source.Code);
        activity?.SetTag(KpiMonitorTelemetry.SourceTag, source.Code);
        var started = time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var sink = new SpoolingSink(spool, source.Code);
        string? error = null;
        try
        {
            await _readers[source.Kind].ReadAsync(source, sink, cancellationToken);
        }
        catch (Exception ex) when (ex is SourceReadException or SpoolFullException)
        {
            error = ex.Message;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Anything unforeseen (disk, a reader bug) still counts as a failed run, recorded and shown, rather
            // than ending the schedule or the --once summary without a trace.
            logger.LogError(ex, "Lỗi không lường trước khi đọc nguồn {Source}", source.Code);
            error = $"lỗi không lường trước: {ex.GetType().Name}: {ex.Message}";
        }
        finally
        {
            if (sink.Points > 0)
            {
                drain.Raise();
            }
        }

        var summary = new PollSummary(source.Code, error is null, sink.Points, sink.Rejected, clock.Elapsed, error, sink.Problems);
        KpiMonitorTelemetry.Polls.Add(1, new KeyValuePair<string, object?>(KpiMonitorTelemetry.SourceTag, source.Code),
            new KeyValuePair<string, object?>(KpiMonitorTelemetry.OutcomeTag, KpiMonitorTelemetry.Outcome(error is null)));
        if (error is not null)
        {
            activity?.SetStatus(ActivityStatusCode.Error);
        }

        // In a cluster another instance may have run the source since this one did: its record in the store is the base.
        var shared = await health.ReadAsync(source.Code, cancellationToken);
        var recordedAt = SourceRunState.RecordedAt(started, shared);
        var run = state.Update(source.Code, mine =>
        {
            var s = mine.Following(shared);
            return s with
            {
                LastRun = recordedAt,
                LastSuccess = error is null ? recordedAt : s.LastSuccess,
                LastError = error ?? (sink.Rejected > 0 ? $"{sink.Rejected} bản ghi bị loại; ví dụ: {sink.Problems[0]}" : null),
                ConsecutiveFailures = error is null ? 0 : s.ConsecutiveFailures + 1,
                LastDuration = clock.Elapsed,
                LastPoints = sink.Points,
            };
        });
        Log(summary, run);
        await health.WriteAsync(source.Code, run, cancellationToken);
        return summary;
    }

    private void Log(PollSummary summary, SourceRunState run)
    {
        if (!summary.Succeeded)
        {
            logger.LogError("Nguồn {Source} lỗi (lần thứ {Failures} liên tiếp) sau {Seconds:0.0} giây, đã ghi tạm {Points} điểm: {Error}",
                summary.Source, run.ConsecutiveFailures, summary.Duration.TotalSeconds, summary.Points, summary.Error);
        }
        else
        {
            logger.LogInformation("Nguồn {Source}: {Points} điểm trong {Seconds:0.0} giây, {Rejected} bản ghi bị loại",
                summary.Source, summary.Points, summary.Duration.TotalSeconds, summary.RejectedRecords);
        }

        foreach (string problem in summary.Problems.Take(10))
        {
            logger.LogWarning("Bản ghi bị loại: {Problem}", problem);
        }
    }
}
