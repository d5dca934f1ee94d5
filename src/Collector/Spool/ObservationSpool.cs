using System.Globalization;
using System.Text.Json;
using KpiMonitor.Shared.Text;
using KpiMonitor.Collector.Hosting;
using KpiMonitor.Shared.Storage;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Collector.Spool;

/// <summary>
/// The durable queue between collection and the store. Each append becomes one segment file, written to a
/// temporary name, flushed to disk and renamed, so a segment is either whole or absent after a crash.
/// Segments replay in sequence order; the name carries the point count so the size bound needs no reading.
/// </summary>
public sealed class ObservationSpool : IDisposable
{
    private const string Extension = ".jsonl";
    private static readonly CultureInfo Vi = Cultures.Vietnamese;
    private readonly string _directory;
    private readonly int _maxPoints;
    private readonly TimeProvider _time;
    private readonly ILogger<ObservationSpool> _logger;
    private readonly Lock _lock = new();
    private readonly FileStream _ownership;
    private long _nextSequence;
    private long _points;

    // The trace of the poll that wrote each segment, so the drain's store write joins it (in memory: a restart replays
    // segments without their poll's trace).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, System.Diagnostics.ActivityContext> _traces = new();

    public ObservationSpool(IOptions<CollectorOptions> options, TimeProvider time, ILogger<ObservationSpool> logger)
    {
        _directory = Path.GetFullPath(Path.Combine(options.Value.StateDirectory, "spool"));
        _maxPoints = options.Value.MaxSpoolPoints;
        _time = time;
        _logger = logger;
        System.IO.Directory.CreateDirectory(_directory);
        _ownership = TakeLock(_directory);
        foreach (string stale in System.IO.Directory.EnumerateFiles(_directory, "*.tmp"))
        {
            // A crash between write and rename leaves a .tmp; its points were never acknowledged to anyone.
            File.Delete(stale);
        }

        var segments = Segments();
        _nextSequence = segments.Count == 0 ? 1 : segments[^1].Sequence + 1;
        _points = segments.Sum(s => (long)s.Points);
        KpiMonitor.Shared.Telemetry.KpiMonitorTelemetry.ObserveSpool(this, () => PendingPoints);
    }

    /// <summary>The trace of the poll that wrote <paramref name="segment"/>, when this process wrote it.</summary>
    public System.Diagnostics.ActivityContext TraceOf(SpoolSegment segment) => _traces.GetValueOrDefault(segment.Sequence);

    /// <summary>Observations waiting for the store.</summary>
    public long PendingPoints => Interlocked.Read(ref _points);

    /// <summary>The folder, for messages.</summary>
    public string Directory => _directory;

    /// <summary>Writes observations durably; throws <see cref="SpoolFullException"/> when the bound would be passed.</summary>
    public async Task AppendAsync(IReadOnlyList<Observation> observations, CancellationToken cancellationToken)
    {
        if (observations.Count == 0)
        {
            return;
        }

        long sequence;
        lock (_lock)
        {
            if (_points + observations.Count > _maxPoints)
            {
                throw new SpoolFullException(
                    string.Create(Vi, $"Hàng đợi ghi tạm đã đầy ({_points:N0}/{_maxPoints:N0} điểm tại {_directory}): kho dữ liệu không nhận dữ liệu đủ nhanh hoặc đang ngừng."));
            }

            sequence = _nextSequence++;
            _points += observations.Count;
        }

        string final = Path.Combine(_directory, string.Create(CultureInfo.InvariantCulture, $"{sequence:D12}-{observations.Count}{Extension}"));
        string temp = final + ".tmp";
        try
        {
            long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
            {
                foreach (var o in observations)
                {
                    JsonSerializer.Serialize(stream, SpoolRecord.From(o, now), SpoolJson.Default.SpoolRecord);
                    stream.WriteByte((byte)'\n');
                }

                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, final);
            if (System.Diagnostics.Activity.Current is { } poll)
            {
                _traces[sequence] = poll.Context;
            }
        }
        catch
        {
            Interlocked.Add(ref _points, -observations.Count);
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Segments waiting, oldest first.</summary>
    public IReadOnlyList<SpoolSegment> Segments()
    {
        var result = new List<SpoolSegment>();
        foreach (string path in System.IO.Directory.EnumerateFiles(_directory, "*" + Extension))
        {
            string name = Path.GetFileNameWithoutExtension(path);
            int dash = name.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && long.TryParse(name.AsSpan(0, dash), CultureInfo.InvariantCulture, out long sequence)
                && int.TryParse(name.AsSpan(dash + 1), CultureInfo.InvariantCulture, out int points))
            {
                result.Add(new SpoolSegment(sequence, points, path));
            }
            else
            {
                _logger.LogWarning("Bỏ qua tệp lạ trong hàng đợi {Path}", path);
            }
        }

        result.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return result;
    }

    /// <summary>Reads a segment back. Throws <see cref="InvalidDataException"/> naming the file and line when it is damaged.</summary>
    public static async Task<List<Observation>> ReadAsync(SpoolSegment segment, CancellationToken cancellationToken)
    {
        var result = new List<Observation>(segment.Points);
        int line = 0;
        foreach (string text in await File.ReadAllLinesAsync(segment.Path, cancellationToken))
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            try
            {
                var record = JsonSerializer.Deserialize(text, SpoolJson.Default.SpoolRecord)
                    ?? throw new InvalidDataException("dòng rỗng");
                result.Add(record.ToObservation());
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"Tệp hàng đợi {segment.Path} hỏng ở dòng {line}: {ex.Message}", ex);
            }
        }

        return result;
    }

    /// <summary>Takes a damaged segment out of the queue into <paramref name="folder"/> for a person to inspect.</summary>
    public void MoveAway(SpoolSegment segment, string folder)
    {
        System.IO.Directory.CreateDirectory(folder);
        // Sequence numbers restart when the spool empties, so the quarantined name carries the time too.
        string name = $"{_time.GetUtcNow():yyyyMMddHHmmssfff}_{Path.GetFileName(segment.Path)}";
        File.Move(segment.Path, Path.Combine(folder, name));
        Interlocked.Add(ref _points, -segment.Points);
        _traces.TryRemove(segment.Sequence, out _);
    }

    public void Dispose()
    {
        KpiMonitor.Shared.Telemetry.KpiMonitorTelemetry.StopObservingSpool(this);
        _ownership.Dispose();
    }

    /// <summary>
    /// One collector per state folder: a second one would delete the first's half-written segments and reuse
    /// its sequence numbers. The OS releases the lock when the process dies, so a crash never leaves it stuck.
    /// </summary>
    private static FileStream TakeLock(string directory)
    {
        string path = Path.Combine(directory, ".lock");
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new KpiMonitor.Shared.Hosting.StartupException(
                $"Thư mục hàng đợi {directory} đang được một bộ thu thập khác dùng; mỗi thư mục trạng thái chỉ cho một tiến trình (Collector:StateDirectory).", ex);
        }
    }

    /// <summary>Removes a segment once the store holds its points.</summary>
    public void Complete(SpoolSegment segment)
    {
        File.Delete(segment.Path);
        Interlocked.Add(ref _points, -segment.Points);
        _traces.TryRemove(segment.Sequence, out _);
    }
}
