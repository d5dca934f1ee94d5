using System.Security.Cryptography;
using System.Text;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Rollups;

namespace KpiMonitor.Dashboard.Rollups;

/// <summary>
/// The newest snapshot of each KPI and granularity as a file in <see cref="RollupCacheOptions.SnapshotFolder"/>, so a
/// restarted dashboard serves at once what it read before instead of reading every unit's figures again. A file names
/// the catalogue it was built for (a fingerprint of the units and their parents over time) and the store's change
/// version of its KPI; a file of another catalogue is never used, one whose KPI changed since is answered while it is
/// read again, as a running dashboard answers from a snapshot whose KPI changed (<see cref="RollupCacheOptions.ServeStale"/>).
/// </summary>
public sealed class RollupSnapshotFolder
{
    private const string Extension = ".rollup";
    private readonly string? _folder;
    private readonly Catalog _catalog;
    private readonly UnitIndex _units;
    private readonly ILogger _logger;
    private readonly string _fingerprint;
    private int _failing;

    /// <summary>A folder for the catalogue's snapshots; none when <paramref name="folder"/> is empty.</summary>
    public RollupSnapshotFolder(string? folder, Catalog catalog, UnitIndex units, ILogger logger)
    {
        _folder = string.IsNullOrWhiteSpace(folder) ? null : Path.GetFullPath(folder);
        _catalog = catalog;
        _units = units;
        _logger = logger;
        _fingerprint = Fingerprint(catalog);
    }

    /// <summary>Whether snapshots are kept on disk.</summary>
    public bool Enabled => _folder is not null;

    /// <summary>
    /// Writes the snapshot in place of the KPI's previous one (a new file, then renamed, so a crash leaves the old or the new).
    /// A snapshot without a change version (a store nobody wrote to yet) is not written: nothing could tell it is still good.
    /// A failure is logged once until writing works again; the dashboard goes on without the file.
    /// </summary>
    public void Save(RollupSnapshot snapshot)
    {
        if (_folder is null || snapshot.Version == 0)
        {
            return;
        }

        string path = Path.Combine(_folder, FileName(snapshot.Kpi.Code, snapshot.Granularity));
        string temporary = $"{path}.{Guid.NewGuid():N}.tmp"; // two reads of the same KPI may end together
        try
        {
            Directory.CreateDirectory(_folder);
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                using (var writer = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true))
                {
                    writer.Write(_fingerprint);
                }

                snapshot.WriteTo(file);
            }

            File.Move(temporary, path, overwrite: true);
            if (Interlocked.Exchange(ref _failing, 0) == 1)
            {
                _logger.LogInformation("Ghi được bản tổng hợp vào {Folder} trở lại", _folder);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (Interlocked.Exchange(ref _failing, 1) == 0)
            {
                _logger.LogWarning("Không ghi được bản tổng hợp vào {Folder} ({Error}); khởi động lại sẽ phải đọc lại từ kho số liệu", _folder, ex.Message);
            }
        }
    }

    /// <summary>
    /// The snapshots on disk built for this catalogue whose KPI's change version in the store is still the one they were
    /// read on; with <paramref name="stale"/> also those whose KPI changed since (to be answered while read again), as
    /// long as at least one is current: when none is, the files are of another store, or everything changed, and none is
    /// used. Files not used are deleted.
    /// </summary>
    public IReadOnlyList<RollupSnapshot> Restore(IReadOnlyDictionary<string, long> versions, bool stale, CancellationToken cancellationToken)
    {
        try
        {
            return RestoreFiles(versions, stale, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A folder that cannot be listed or cleaned (permissions, a read-only volume) costs the first reading, not the start.
            _logger.LogWarning("Không dùng được thư mục bản tổng hợp {Folder} ({Error}); số liệu được đọc lại từ kho", _folder, ex.Message);
            return [];
        }
    }

    private List<RollupSnapshot> RestoreFiles(IReadOnlyDictionary<string, long> versions, bool stale, CancellationToken cancellationToken)
    {
        var found = new List<(RollupSnapshot Snapshot, string Path)>();
        if (_folder is null || !Directory.Exists(_folder))
        {
            return [];
        }

        foreach (string left in Directory.EnumerateFiles(_folder, "*.tmp"))
        {
            // Of a process that stopped while writing; a younger one may be a replica's write under way (one folder shared).
            if (File.GetLastWriteTimeUtc(left) < DateTime.UtcNow.AddMinutes(-10))
            {
                File.Delete(left);
            }
        }

        foreach (string path in Directory.EnumerateFiles(_folder, "*" + Extension))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (Read(path) is { } snapshot)
                {
                    found.Add((snapshot, path));
                }
                else
                {
                    File.Delete(path);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                // A file cut short (EndOfStreamException) or not written by this code: the KPI is read from the store.
                _logger.LogWarning("Bỏ qua bản tổng hợp {Path}: {Error}", path, ex.Message);
            }
        }

        bool Current(RollupSnapshot snapshot) => versions.GetValueOrDefault(snapshot.Kpi.Code) == snapshot.Version;
        bool any = found.Exists(f => Current(f.Snapshot));
        var restored = new List<RollupSnapshot>();
        foreach (var (snapshot, path) in found)
        {
            if (any && (stale || Current(snapshot)))
            {
                restored.Add(snapshot);
            }
            else
            {
                File.Delete(path);
            }
        }

        return restored;
    }

    /// <summary>The snapshot in a file, or null when it is not of this catalogue or names a KPI it does not have.</summary>
    private RollupSnapshot? Read(string path)
    {
        if (_catalog.Kpis.Find(Path.GetFileName(path).Split('.')[0]) is not { } kpi)
        {
            return null;
        }

        // Straight from the file into the snapshot's arrays: no copy of the whole file (50 MB at national scale) on the heap.
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var reader = new BinaryReader(file, Encoding.UTF8, leaveOpen: true);
        return reader.ReadString() == _fingerprint ? RollupSnapshot.ReadFrom(file, kpi, _units) : null;
    }

    private static string FileName(string kpi, PeriodGranularity granularity) => $"{kpi}.{granularity}{Extension}";

    /// <summary>Units, their levels, days of existence and parents over time: what the rollups of a period depend on.</summary>
    private static string Fingerprint(Catalog catalog)
    {
        var text = new StringBuilder();
        foreach (var unit in catalog.Units.Units)
        {
            text.Append(unit.Code).Append('|').Append(unit.Level).Append('|').Append(unit.ValidFrom?.DayNumber).Append('|').Append(unit.ValidTo?.DayNumber);
            foreach (var parent in unit.Parents)
            {
                text.Append('|').Append(parent.From.DayNumber).Append('>').Append(parent.ParentCode);
            }

            text.Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
