using KpiMonitor.Shared.Storage;
using KpiMonitor.Shared.Telemetry;

namespace KpiMonitor.Collector.Spool;

/// <summary>
/// Moves spooled observations into the store, oldest segment first. A segment is deleted only after the
/// store acknowledged it, so a crash replays it — harmless, because a point's key is KPI + unit + period.
/// Store down or 5xx: stop and keep everything. Refused for good (validation, 400, 422): dead-letter file;
/// after a 400 the store names the refused points, and only those go there.
/// Refused for a reason a person must fix (401, 403, 404): keep everything and say so.
/// </summary>
public sealed class SpoolDrainer(ObservationSpool spool, ITimeSeriesStore store, DeadLetterFile deadLetters, ILogger<SpoolDrainer> logger) : IDisposable
{
    private readonly SemaphoreSlim _single = new(1, 1);

    private readonly string _storeName = store is KpiMonitor.Storage.Influx.InfluxTimeSeriesStore ? "influxdb" : "sqlite";

    public async Task<DrainResult> DrainAsync(CancellationToken cancellationToken)
    {
        await _single.WaitAsync(cancellationToken);
        try
        {
            long written = 0, dead = 0;
            foreach (var segment in spool.Segments())
            {
                List<Observation> batch;
                try
                {
                    batch = await ObservationSpool.ReadAsync(segment, cancellationToken);
                }
                catch (InvalidDataException ex)
                {
                    logger.LogError(ex, "Tệp hàng đợi hỏng, chuyển sang thư mục lỗi: {Segment}", segment.Path);
                    QuarantineDamaged(segment);
                    continue;
                }

                // The store write joins the trace of the poll that spooled these points.
                using var activity = KpiMonitorTelemetry.ActivitySource.StartActivity("store write", System.Diagnostics.ActivityKind.Client, spool.TraceOf(segment));
                activity?.SetTag("kpimonitor.points", batch.Count);
                long started = System.Diagnostics.Stopwatch.GetTimestamp();
                bool succeeded = false;
                try
                {
                    var result = await store.WriteAsync(batch, cancellationToken);
                    succeeded = true;
                    written += result.Written;
                    KpiMonitorTelemetry.PointsWritten.Add(result.Written, new KeyValuePair<string, object?>(KpiMonitorTelemetry.StoreTag, _storeName));
                    dead += await DeadLetterAsync(batch, result, cancellationToken);
                }
                catch (TimeSeriesStoreException ex) when (ex.StatusCode is 400 or 422)
                {
                    await deadLetters.WriteAsync(batch.Select(o => (o, $"kho từ chối (HTTP {ex.StatusCode}): {ex.Message}")), cancellationToken);
                    dead += batch.Count;
                    logger.LogError("Kho dữ liệu từ chối vĩnh viễn {Count} điểm, đã ghi vào {DeadLetter}: {Reason}", batch.Count, deadLetters.Directory, ex.Message);
                }
                catch (TimeSeriesStoreException ex)
                {
                    // No counts in the text: the drain loop logs an error again only when its text changes.
                    string error = ex.IsTransient
                        ? $"Kho dữ liệu tạm thời không ghi được, dữ liệu được giữ trong hàng đợi: {ex.Message}"
                        : $"Kho dữ liệu từ chối (cần sửa cấu hình), dữ liệu được giữ trong hàng đợi: {ex.Message}";
                    return new DrainResult(written, dead, spool.PendingPoints, error);
                }

                finally
                {
                    KpiMonitorTelemetry.WriteDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds,
                        new KeyValuePair<string, object?>(KpiMonitorTelemetry.StoreTag, _storeName),
                        new KeyValuePair<string, object?>(KpiMonitorTelemetry.OutcomeTag, KpiMonitorTelemetry.Outcome(succeeded)));
                    activity?.SetStatus(succeeded ? System.Diagnostics.ActivityStatusCode.Ok : System.Diagnostics.ActivityStatusCode.Error);
                }

                spool.Complete(segment);
            }

            return new DrainResult(written, dead, spool.PendingPoints, null);
        }
        finally
        {
            _single.Release();
        }
    }

    public void Dispose() => _single.Dispose();

    private async Task<long> DeadLetterAsync(List<Observation> batch, WriteResult result, CancellationToken cancellationToken)
    {
        var refused = result.Rejected.Select(r => (r.Observation, $"không hợp lệ: {r.Reason}")).ToList();
        if (result.RefusedByServer is { Count: > 0 } byServer)
        {
            // The store split the refused batch and knows which points the server refused: only those go.
            refused.AddRange(byServer.Select(r => (r.Observation, $"kho từ chối: {r.Reason}")));
            logger.LogError("Kho dữ liệu từ chối {Dropped} điểm của một lô, đã ghi vào {DeadLetter}: {Message}", byServer.Count, deadLetters.Directory, result.ServerMessage);
        }
        else if (result.DroppedByServer > 0)
        {
            // InfluxDB 1.x says how many lines it dropped, not which; the batch is kept whole for a person to
            // compare (its accepted points are already stored, and writing them again would only overwrite).
            var accepted = batch.Except(result.Rejected.Select(r => r.Observation));
            refused.AddRange(accepted.Select(o => (o, $"kho bỏ {result.DroppedByServer} điểm của lô này: {result.ServerMessage}")));
            logger.LogError("Kho dữ liệu bỏ {Dropped} điểm của một lô: {Message}", result.DroppedByServer, result.ServerMessage);
        }

        if (refused.Count > 0)
        {
            await deadLetters.WriteAsync(refused, cancellationToken);
        }

        return result.Rejected.Count + result.DroppedByServer;
    }

    private void QuarantineDamaged(SpoolSegment segment) => spool.MoveAway(segment, Path.Combine(deadLetters.Directory, "damaged"));
}
