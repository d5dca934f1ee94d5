using System.Collections.Concurrent;
using System.IO.Compression;
using KpiMonitor.Shared.Storage;
using Microsoft.Extensions.Logging;

namespace KpiMonitor.Storage.Influx;

/// <summary>
/// Sends one write call as batches of line protocol. The next batch is formatted while earlier ones are in
/// flight (up to <see cref="InfluxOptions.MaxConcurrentBatches"/>), so the server never waits for the client.
/// That is safe only because the store removes duplicate keys first: no two batches hold the same point.
/// A batch the server answers with 400 is split (<see cref="InfluxBatchSplitter"/>) so that only the refused
/// lines are reported.
/// </summary>
internal sealed class InfluxBatchWriter(InfluxConnection connection, InfluxOptions options, ILogger logger)
{
    private readonly ConcurrentBag<Batch> _spare = [];
    private readonly InfluxBatchSplitter _splitter = new(connection);

    /// <summary>
    /// Writes the observations, then the activity points; returns how many observations the server refused,
    /// a few of its messages, and which observations (indices into <paramref name="points"/>) with the reason.
    /// </summary>
    public async Task<(int Dropped, string? Message, List<RefusedLine> Refused)> WriteAsync(
        IReadOnlyList<Observation> points, Func<string, bool> isRatio, IReadOnlyList<ActivityPoint> activity, long nowMs, CancellationToken cancellationToken)
    {
        int dropped = 0;
        var messages = new List<string>();
        var refused = new List<RefusedLine>();
        var inFlight = new Queue<Task<Outcome>>();
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            int total = points.Count + activity.Count;
            for (int start = 0; start < total;)
            {
                // Observation and activity lines never share a batch, so a partial write's count is about one kind.
                bool isActivity = start >= points.Count;
                int end = Math.Min(start + options.BatchSize, isActivity ? total : points.Count);
                var batch = Fill(points, isRatio, activity, start, end, isActivity, nowMs);
                start = end;
                while (inFlight.Count >= options.MaxConcurrentBatches)
                {
                    Add(await inFlight.Dequeue());
                }

                inFlight.Enqueue(SendAsync(batch, failFast.Token));
            }

            while (inFlight.Count > 0)
            {
                Add(await inFlight.Dequeue());
            }
        }
        catch
        {
            // One batch failed for good: stop the others, let them return their buffers, report the first failure.
            await failFast.CancelAsync();
            await Task.WhenAll(inFlight.Cast<Task>()).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        refused.Sort((a, b) => a.Line.CompareTo(b.Line));
        return (dropped, messages.Count == 0 ? null : string.Join(" | ", messages), refused);

        void Add(Outcome outcome)
        {
            if (outcome.Message is null)
            {
                return;
            }

            if (outcome.IsActivity)
            {
                logger.LogWarning("InfluxDB {Url} bỏ {Dropped} điểm hoạt động nguồn: {ServerMessage}", connection.BaseUri, outcome.Dropped, outcome.Message);
                return;
            }

            dropped += outcome.Dropped;
            refused.AddRange(outcome.Refused.Select(r => r with { Line = r.Line + outcome.Start }));
            if (messages.Count < 3 && !messages.Contains(outcome.Message))
            {
                messages.Add(outcome.Message);
            }
        }
    }

    /// <summary>Writes a few lines outside the observation schema (source health) as one request; returns what the server dropped.</summary>
    public Task<(int Dropped, string? Message)> WriteLinesAsync(Action<LineProtocolWriter> format, CancellationToken cancellationToken) =>
        WriteLinesAsync(format, nanoseconds: false, cancellationToken);

    /// <summary>As the other overload; timestamps are nanoseconds when <paramref name="nanoseconds"/> is set, else milliseconds.</summary>
    public async Task<(int Dropped, string? Message)> WriteLinesAsync(Action<LineProtocolWriter> format, bool nanoseconds, CancellationToken cancellationToken)
    {
        var batch = _spare.TryTake(out var spare) ? spare : new Batch();
        try
        {
            batch.IsActivity = false;
            batch.Nanoseconds = nanoseconds;
            batch.Start = 0;
            format(batch.Lines);
            Seal(batch);
        }
        catch
        {
            Return(batch);
            throw;
        }

        var outcome = await SendAsync(batch, cancellationToken);
        return (outcome.Dropped, outcome.Message);
    }

    private Batch Fill(
        IReadOnlyList<Observation> points, Func<string, bool> isRatio, IReadOnlyList<ActivityPoint> activity, int start, int end, bool isActivity, long nowMs)
    {
        var batch = _spare.TryTake(out var spare) ? spare : new Batch();
        try
        {
            batch.IsActivity = isActivity;
            batch.Nanoseconds = false;
            batch.Start = start;
            var lines = batch.Lines;
            for (int i = start; i < end; i++)
            {
                if (isActivity)
                {
                    InfluxSchema.WriteActivity(lines, activity[i - points.Count]);
                }
                else
                {
                    var o = points[i];
                    InfluxSchema.WriteObservation(lines, o, isRatio(o.Kpi), o.ReceivedAt?.ToUnixTimeMilliseconds() ?? nowMs);
                }
            }

            Seal(batch);
            return batch;
        }
        catch
        {
            Return(batch);
            throw;
        }
    }

    /// <summary>Fixes the body to send: the lines, gzipped when configured.</summary>
    private void Seal(Batch batch)
    {
        batch.Body = batch.Lines.WrittenMemory;
        if (options.Gzip)
        {
            batch.Compressed.SetLength(0);
            using (var gzip = new GZipStream(batch.Compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                gzip.Write(batch.Body.Span);
            }

            batch.Body = batch.Compressed.GetBuffer().AsMemory(0, (int)batch.Compressed.Length);
        }
    }

    private async Task<Outcome> SendAsync(Batch batch, CancellationToken cancellationToken)
    {
        try
        {
            bool created = false;
            while (true)
            {
                var reply = await connection.WriteAsync(batch.Body, options.Gzip, batch.Nanoseconds, cancellationToken);
                switch (reply.Code)
                {
                    case 200 or 204:
                        return new Outcome(0, null, batch.IsActivity, batch.Start, []);
                    case 400:
                        // 2.x and 3.x refuse the whole batch for one bad line, 1.x stores the others: either way only
                        // the refused lines are reported, found by splitting the batch.
                        var split = await _splitter.IsolateAsync(batch.Lines.WrittenMemory, batch.Nanoseconds, reply, cancellationToken);
                        if (split.Requests > 0)
                        {
                            logger.LogWarning(
                                "InfluxDB {Url} từ chối {Refused}/{Lines} dòng của một lô; đã tách lô bằng {Requests} yêu cầu thêm: {ServerMessage}",
                                reply.Server, split.Bad.Count, batch.Lines.LineCount, split.Requests, reply.ServerMessage);
                        }

                        return new Outcome(split.Bad.Count, reply.ServerMessage, batch.IsActivity, batch.Start, split.Bad);
                    case 404 when options.CreateDatabase && !created && reply.ServerMessage.Contains("database not found", StringComparison.Ordinal):
                        await connection.CreateDatabaseAsync(cancellationToken);
                        created = true;
                        break;
                    default:
                        throw InfluxConnection.Refused("ghi dữ liệu", reply);
                }
            }
        }
        finally
        {
            Return(batch);
        }
    }

    private void Return(Batch batch)
    {
        batch.Lines.Clear();
        batch.Body = default;
        if (_spare.Count <= options.MaxConcurrentBatches)
        {
            _spare.Add(batch);
        }
        else
        {
            batch.Dispose();
        }
    }

    /// <summary>One batch's result; <paramref name="Start"/> is the index of its first line in the write call.</summary>
    private readonly record struct Outcome(int Dropped, string? Message, bool IsActivity, int Start, IReadOnlyList<RefusedLine> Refused);

    /// <summary>Reusable buffers of one batch: the lines and, with gzip, their compressed form.</summary>
    private sealed class Batch : IDisposable
    {
        public LineProtocolWriter Lines { get; } = new(256 * 1024);

        public MemoryStream Compressed { get; } = new();

        public ReadOnlyMemory<byte> Body { get; set; }

        public bool IsActivity { get; set; }

        public bool Nanoseconds { get; set; }

        public int Start { get; set; }

        public void Dispose()
        {
            Lines.Dispose();
            Compressed.Dispose();
        }
    }
}
