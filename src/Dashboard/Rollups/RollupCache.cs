using System.Diagnostics;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Rollups;
using KpiMonitor.Shared.Storage;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Dashboard.Rollups;

/// <summary>
/// Keeps <see cref="RollupSnapshot"/>s so pages do not read every unit's figures on every request: at national
/// scale (5,000 units) one KPI's 13 months take InfluxDB 0.5 to 0.8 s, and an overview shows 26 KPIs.
/// A snapshot is good while the store's change version of its KPI (<see cref="ITimeSeriesStore.GetChangeVersionsAsync"/>,
/// bumped by every write of any process, the collector's included) is the one read before it, and younger than
/// <see cref="RollupCacheOptions.MaxAge"/>. Requests for the same snapshot share one read; a changed KPI is
/// answered from the old snapshot while the new one is read, unless <see cref="RollupCacheOptions.ServeStale"/> is off.
/// Reads run on their own, not on a request's token; disposing the cache stops them and waits for them, so nothing
/// reads the store after the host is gone.
/// </summary>
public sealed class RollupCache : IRollupSnapshots, IDisposable, IAsyncDisposable
{
    /// <summary>How long disposing waits for reads under way to stop.</summary>
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(10);

    private readonly ITimeSeriesStore _store;
    private readonly Catalog _catalog;
    private readonly RollupCacheOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly UnitIndex _units;
    private readonly RollupSnapshotFolder _folder;
    private readonly SemaphoreSlim _loadSlots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly HashSet<Task> _running = [];

    private readonly Lock _gate = new();
    private readonly List<Entry> _entries = [];
    private readonly Dictionary<SnapshotKey, Load> _loading = [];
    private readonly Dictionary<string, long> _generations = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, long> _versions = new Dictionary<string, long>();
    private DateTimeOffset _versionsReadAt = DateTimeOffset.MinValue;
    private Task<IReadOnlyDictionary<string, long>?>? _versionCheck;
    private bool _storeUnreachable;
    private bool _stopped;
    private long _clock;
    private long _cells;
    private long _loads;

    /// <summary>Creates an empty cache over the store.</summary>
    public RollupCache(ITimeSeriesStore store, Catalog catalog, IOptions<RollupCacheOptions> options, TimeProvider time, ILogger<RollupCache> logger)
    {
        _store = store;
        _catalog = catalog;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _units = new UnitIndex(catalog.Units);
        _folder = new RollupSnapshotFolder(_options.SnapshotFolder, catalog, _units, logger);
        _loadSlots = new SemaphoreSlim(_options.MaxParallelLoads);
    }

    /// <summary>Snapshots read from the store so far.</summary>
    public long Loads => Interlocked.Read(ref _loads);

    /// <summary>Cells (units × periods) held now.</summary>
    public long Cells
    {
        get
        {
            lock (_gate)
            {
                return _cells;
            }
        }
    }

    /// <summary>
    /// Whether a series of <paramref name="periods"/> periods is worth a snapshot of every unit: months, quarters
    /// and years are; days and weeks, or a range so long that one snapshot would take half the budget, are read directly.
    /// </summary>
    public bool Serves(PeriodGranularity granularity, int periods) =>
        _options.Enabled
        && granularity is PeriodGranularity.Month or PeriodGranularity.Quarter or PeriodGranularity.Year
        && (long)Math.Max(periods, MinimumPeriods(granularity)) * _units.Count <= _options.MaxCells / 2;

    /// <summary>A snapshot of the KPI covering the periods from <paramref name="first"/> to <paramref name="last"/> (first days).</summary>
    public async Task<RollupSnapshot> GetAsync(KpiDefinition kpi, PeriodGranularity granularity, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        long? version = await VersionOfAsync(kpi.Code, cancellationToken);
        Entry? entry, tail;
        lock (_gate)
        {
            entry = _entries.Find(e => e.Snapshot.Kpi.Code == kpi.Code && e.Snapshot.Granularity == granularity && e.Snapshot.Covers(first, last));
            entry?.LastUsed = ++_clock;
            // A snapshot holding the newer part of what is asked (the overview's first read, when a chart wants more months).
            tail = entry is not null ? null : _entries.Find(e => e.Snapshot.Kpi.Code == kpi.Code && e.Snapshot.Granularity == granularity
                && e.Snapshot.FirstPeriod > first && e.Snapshot.FirstPeriod <= last && e.Snapshot.LastPeriod >= last);
        }

        if (entry is null)
        {
            if (tail is not null && Current(tail.Snapshot, version))
            {
                // Only the older periods are read, and joined to what is held.
                return await LoadAsync(kpi, granularity, first, tail.Snapshot.LastPeriod, version ?? 0, out _, cancellationToken, tail.Snapshot);
            }

            // What is asked and no more: the first reading (the overview's three periods) is then short, and whatever
            // asks for more later reads only the older periods it lacks.
            return await LoadAsync(kpi, granularity, first, last, version ?? 0, out _, cancellationToken);
        }

        var snapshot = entry.Snapshot;
        if (Current(snapshot, version))
        {
            return snapshot;
        }

        var reload = LoadAsync(kpi, granularity, snapshot.FirstPeriod, snapshot.LastPeriod, version ?? 0, out bool started, CancellationToken.None);
        if (!_options.ServeStale)
        {
            return await reload.WaitAsync(cancellationToken);
        }

        if (!started)
        {
            // Another request started this reload and will say if it fails: one warning per failed read, not per request.
            return snapshot;
        }

        _ = reload.ContinueWith(
            t => _logger.LogWarning(t.Exception?.GetBaseException(), "Không làm mới được số liệu tổng hợp của {Kpi}; vẫn dùng bản đọc lúc {BuiltAt}", kpi.Code, snapshot.BuiltAt),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return snapshot;
    }

    /// <summary>
    /// Reads the older periods of each KPI's newest snapshot while it is shorter than <see cref="RollupCacheOptions.WindowMonths"/>
    /// (the first reading holds only the periods the overview compares), one KPI after another, so that sparklines and
    /// KPI pages' charts are served from memory too; the widened snapshot replaces the shorter ones it covers. The number widened.
    /// </summary>
    public async Task<int> WidenAsync(CancellationToken cancellationToken)
    {
        List<RollupSnapshot> narrow;
        lock (_gate)
        {
            narrow = _entries.Select(e => e.Snapshot)
                .GroupBy(s => (s.Kpi.Code, s.Granularity))
                .Select(g => g.MaxBy(s => (s.LastPeriod, s.Periods))!)
                .Where(s => s.Periods < MinimumPeriods(s.Granularity))
                .ToList();
        }

        int widened = 0;
        foreach (var snapshot in narrow)
        {
            var first = WindowStart(snapshot.Granularity, snapshot.LastPeriod, MinimumPeriods(snapshot.Granularity));
            await GetAsync(snapshot.Kpi, snapshot.Granularity, first, snapshot.LastPeriod, cancellationToken);
            widened++;
        }

        if (widened > 0)
        {
            // A one-off read of every unit's older months grows the heap by about 100 MB at national scale (measured: 260 MB
            // resident after it, 242 MB after this); it is given back to the system rather than kept for nothing.
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }

        return widened;
    }

    /// <summary>
    /// Takes back the snapshots of <see cref="RollupCacheOptions.SnapshotFolder"/> (one question for the change versions):
    /// those whose KPI has not changed in the store since they were read, and with <see cref="RollupCacheOptions.ServeStale"/>
    /// the others too, which the first request then has read again (see <see cref="RollupSnapshotFolder.Restore"/>).
    /// Their number; with the store unreachable, none.
    /// </summary>
    public async Task<int> RestoreAsync(CancellationToken cancellationToken)
    {
        if (!_options.Enabled || !_folder.Enabled)
        {
            return 0;
        }

        var versions = await VersionsAsync(cancellationToken);
        if (versions is null)
        {
            return 0;
        }

        int restored = 0;
        foreach (var snapshot in _folder.Restore(versions, _options.ServeStale, cancellationToken))
        {
            long generation;
            lock (_gate)
            {
                generation = _generations.GetValueOrDefault(snapshot.Kpi.Code);
            }

            if (Keep(snapshot, generation))
            {
                restored++;
            }
        }

        return restored;
    }

    /// <summary>
    /// Forgets a KPI's snapshots and the versions read, after this process wrote it (manual entry): the next request
    /// reads it again. A read already under way may hold the figures from before the write, so it is not joined and
    /// its snapshot is not kept.
    /// </summary>
    public void Invalidate(string kpi)
    {
        lock (_gate)
        {
            foreach (var entry in _entries.Where(e => e.Snapshot.Kpi.Code == kpi).ToList())
            {
                Remove(entry);
            }

            _generations[kpi] = _generations.GetValueOrDefault(kpi) + 1;

            _versionsReadAt = DateTimeOffset.MinValue;
        }
    }

    /// <summary>Stops the reads under way and waits for them (at most <see cref="StopWait"/>).</summary>
    public void Dispose()
    {
        if (Stop() is { } running)
        {
            Finish(running.Wait(StopWait));
        }
    }

    /// <inheritdoc cref="Dispose"/>
    public async ValueTask DisposeAsync()
    {
        if (Stop() is { } running)
        {
            bool stopped = await running.WaitAsync(StopWait).ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default);
            Finish(stopped);
        }
    }

    /// <summary>Cancels the reads; null when already disposed, otherwise a task that ends when every read has (failed or not).</summary>
    private Task<bool>? Stop()
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return null;
            }

            _stopped = true;
        }

        // Outside the lock: cancelling runs the reads' callbacks, which take it.
        _stopping.Cancel();
        Task[] running;
        lock (_gate)
        {
            running = [.. _running];
        }

        return Task.WhenAll(running).ContinueWith(_ => true, TaskScheduler.Default);
    }

    private void Finish(bool stopped)
    {
        if (!stopped)
        {
            _logger.LogWarning("Còn phép đọc số liệu tổng hợp chưa dừng sau {Seconds} giây khi tắt", StopWait.TotalSeconds);
            return; // the semaphore is left to the garbage collector: a read still holding it would fail on release
        }

        // The token source stays: a request arriving after this must still be able to ask for its (cancelled) token.
        _loadSlots.Dispose();
    }

    /// <summary>
    /// Whether a held snapshot may be served for the <paramref name="version"/> just read. With the store unreachable (no
    /// version, or the last check failed) a reload would only fail again: what is cached stands, whatever its age, until
    /// the store answers.
    /// </summary>
    private bool Current(RollupSnapshot snapshot, long? version) =>
        version is null || Volatile.Read(ref _storeUnreachable)
        || (version == snapshot.Version && _time.GetUtcNow() - snapshot.BuiltAt < _options.MaxAge);

    /// <summary>Periods a snapshot covers once widened: <see cref="RollupCacheOptions.WindowMonths"/>, and never less than an overview tile needs.</summary>
    private int MinimumPeriods(PeriodGranularity granularity)
    {
        int months = _options.WindowMonths;
        return granularity switch
        {
            PeriodGranularity.Month => months,
            PeriodGranularity.Quarter => (months + 2) / 3,
            PeriodGranularity.Year => Math.Max(2, months / 12),
            _ => 1,
        };
    }

    /// <summary>The first period of a snapshot of <paramref name="periods"/> periods ending at <paramref name="last"/>.</summary>
    private static DateOnly WindowStart(PeriodGranularity granularity, DateOnly last, int periods) => granularity switch
    {
        PeriodGranularity.Month => last.AddMonths(1 - periods),
        PeriodGranularity.Quarter => last.AddMonths(3 * (1 - periods)),
        _ => last.AddYears(1 - periods),
    };

    /// <summary>The KPI's change version; null when the store could not be asked (then what is cached is used).</summary>
    private async Task<long?> VersionOfAsync(string kpi, CancellationToken cancellationToken) =>
        (await VersionsAsync(cancellationToken))?.GetValueOrDefault(kpi);

    /// <summary>Every KPI's change version, read at most every <see cref="RollupCacheOptions.CheckInterval"/>; null when the store could not be asked.</summary>
    private async Task<IReadOnlyDictionary<string, long>?> VersionsAsync(CancellationToken cancellationToken)
    {
        Task<IReadOnlyDictionary<string, long>?> check;
        lock (_gate)
        {
            if (_time.GetUtcNow() - _versionsReadAt < _options.CheckInterval)
            {
                return _versions;
            }

            if (_versionCheck is null || _versionCheck.IsCompleted)
            {
                _versionCheck = Track(ReadVersionsAsync());
            }

            check = _versionCheck;
        }

        return await check.WaitAsync(cancellationToken);
    }

    private async Task<IReadOnlyDictionary<string, long>?> ReadVersionsAsync()
    {
        try
        {
            var versions = await _store.GetChangeVersionsAsync(_stopping.Token);
            lock (_gate)
            {
                (_versions, _versionsReadAt) = (versions, _time.GetUtcNow());
                if (Volatile.Read(ref _storeUnreachable))
                {
                    Volatile.Write(ref _storeUnreachable, false);
                    _logger.LogInformation("Kho số liệu trả lời trở lại; số liệu tổng hợp được kiểm tra thay đổi như thường");
                }
            }

            return versions;
        }
        catch (TimeSeriesStoreException ex)
        {
            lock (_gate)
            {
                // Asked again after a full interval, not by every request: each would wait for the store to fail.
                _versionsReadAt = _time.GetUtcNow();
                if (!Volatile.Read(ref _storeUnreachable))
                {
                    Volatile.Write(ref _storeUnreachable, true);
                    _logger.LogWarning("Không hỏi được kho số liệu về thay đổi ({Error}); tạm dùng số liệu tổng hợp đã có", ex.Message);
                }
            }

            return null;
        }
    }

    /// <summary>One read per snapshot at a time, whoever asks; the read does not stop when one of the askers gives up.</summary>
    /// <remarks>With <paramref name="tail"/>, only the periods before it are read and joined to it (it ends at <paramref name="last"/>).</remarks>
    private Task<RollupSnapshot> LoadAsync(KpiDefinition kpi, PeriodGranularity granularity, DateOnly first, DateOnly last, long version,
        out bool started, CancellationToken cancellationToken, RollupSnapshot? tail = null)
    {
        var key = new SnapshotKey(kpi.Code, granularity, first, last);
        Task<RollupSnapshot> task;
        lock (_gate)
        {
            long generation = _generations.GetValueOrDefault(kpi.Code);
            started = !_loading.TryGetValue(key, out var load) || load.Task.IsCompleted || load.Generation != generation;
            if (started)
            {
                load = new Load(Track(Task.Run(() => ReadAsync(kpi, key, version, generation, tail), CancellationToken.None)), generation);
                _loading[key] = load;
            }

            task = load!.Task;
        }

        return task.WaitAsync(cancellationToken);
    }

    private async Task<RollupSnapshot> ReadAsync(KpiDefinition kpi, SnapshotKey key, long version, long generation, RollupSnapshot? tail)
    {
        try
        {
            await _loadSlots.WaitAsync(_stopping.Token);
        }
        catch
        {
            Forget(key, generation);
            throw;
        }

        try
        {
            var clock = Stopwatch.StartNew();
            var builtAt = _time.GetUtcNow();
            var end = tail?.FirstPeriod ?? PeriodBucket.Next(key.Last, key.Granularity);
            var buckets = PeriodBucket.Between(VietnamTime.StartOf(key.First), VietnamTime.StartOf(end), key.Granularity);
            // The figures go straight into the snapshot's cells as they are parsed: no list of points at national scale.
            var builder = RollupSnapshot.Begin(kpi, key.Granularity, _catalog, _units, buckets, version, builtAt);
            await _store.ScanSeriesAsync(kpi.Code, null, buckets[0].Start, buckets[^1].End, builder.Offer, _stopping.Token);
            var snapshot = builder.Finish();
            if (tail is not null)
            {
                snapshot = RollupSnapshot.Join(snapshot, tail);
            }

            Interlocked.Increment(ref _loads);
            if (Keep(snapshot, generation) && IsNewest(snapshot))
            {
                _folder.Save(snapshot);
            }

            _logger.LogDebug("Tổng hợp {Kpi}: {Periods} kỳ × {Units} đơn vị từ {Points} số liệu trong {Ms} ms",
                kpi.Code, buckets.Count, _units.Count, builder.Rows, clock.ElapsedMilliseconds);
            return snapshot;
        }
        finally
        {
            _loadSlots.Release();
            Forget(key, generation);
        }
    }

    private void Forget(SnapshotKey key, long generation)
    {
        lock (_gate)
        {
            if (_loading.TryGetValue(key, out var load) && load.Generation == generation)
            {
                _loading.Remove(key);
            }
        }
    }

    /// <summary>Counts a read as under way until it ends, so <see cref="Dispose"/> can wait for it. Called under the lock.</summary>
    private Task<T> Track<T>(Task<T> task)
    {
        _running.Add(task);
        _ = task.ContinueWith(
            t =>
            {
                lock (_gate)
                {
                    _running.Remove(t);
                }
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }

    /// <summary>
    /// Adds the snapshot in place of those it covers, then drops the least recently used beyond the budget; a snapshot
    /// read before an <see cref="Invalidate"/> of its KPI is not kept (false).
    /// </summary>
    private bool Keep(RollupSnapshot snapshot, long generation)
    {
        lock (_gate)
        {
            if (_generations.GetValueOrDefault(snapshot.Kpi.Code) != generation)
            {
                return false;
            }

            foreach (var old in _entries.Where(e => e.Snapshot.Kpi.Code == snapshot.Kpi.Code && e.Snapshot.Granularity == snapshot.Granularity
                && snapshot.Covers(e.Snapshot.FirstPeriod, e.Snapshot.LastPeriod)).ToList())
            {
                Remove(old);
            }

            var entry = new Entry(snapshot) { LastUsed = ++_clock };
            _entries.Add(entry);
            _cells += snapshot.Cells;
            while (_cells > _options.MaxCells && _entries.Count > 1)
            {
                Remove(_entries.Where(e => e != entry).MinBy(e => e.LastUsed)!);
            }

            return true;
        }
    }

    /// <summary>
    /// Whether no snapshot held for the same KPI and granularity ends later, or ends as late with more periods: the one
    /// the folder keeps (one file each), so a restart gets the overview's periods and not last year's month read after them.
    /// </summary>
    private bool IsNewest(RollupSnapshot snapshot)
    {
        lock (_gate)
        {
            return !_entries.Exists(e => e.Snapshot != snapshot && e.Snapshot.Kpi.Code == snapshot.Kpi.Code && e.Snapshot.Granularity == snapshot.Granularity
                && (e.Snapshot.LastPeriod > snapshot.LastPeriod || (e.Snapshot.LastPeriod == snapshot.LastPeriod && e.Snapshot.Periods > snapshot.Periods)));
        }
    }

    private void Remove(Entry entry)
    {
        _entries.Remove(entry);
        _cells -= entry.Snapshot.Cells;
    }

    private sealed class Entry(RollupSnapshot snapshot)
    {
        public RollupSnapshot Snapshot { get; } = snapshot;

        public long LastUsed { get; set; }
    }

    private readonly record struct Load(Task<RollupSnapshot> Task, long Generation);

    private readonly record struct SnapshotKey(string Kpi, PeriodGranularity Granularity, DateOnly First, DateOnly Last);
}
