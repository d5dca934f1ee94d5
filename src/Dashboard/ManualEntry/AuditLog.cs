using System.Text.Encodings.Web;
using System.Text.Json;

namespace KpiMonitor.Dashboard.ManualEntry;

/// <summary>
/// The audit trail of manual figures: an append-only JSON-lines file (<c>Manual:AuditFile</c>), flushed to disk on
/// every entry, kept apart from the time-series store so a rewrite of a figure never erases who changed it.
/// </summary>
public sealed class AuditLog(IConfiguration configuration) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly string _path = Path.GetFullPath(configuration["Manual:AuditFile"] ?? "data/audit/nhap-tay.jsonl");
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Parsed? _parsed;

    public async Task AppendAsync(IEnumerable<AuditEntry> entries, CancellationToken cancellationToken)
    {
        string text = string.Concat(entries.Select(e => JsonSerializer.Serialize(e, Json) + "\n"));
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            await using var stream = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read);
            await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text), cancellationToken);
            stream.Flush(flushToDisk: true);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The newest entries first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> RecentAsync(int count, CancellationToken cancellationToken) =>
        (await EntriesAsync(cancellationToken)).Reverse().Take(count).ToList();

    /// <summary>The last manual change of each figure (unit and period's first day) of one KPI.</summary>
    public async Task<IReadOnlyDictionary<(string Unit, DateOnly Period), AuditEntry>> LastChangesAsync(string kpi, CancellationToken cancellationToken)
    {
        var last = new Dictionary<(string Unit, DateOnly Period), AuditEntry>();
        foreach (var entry in await EntriesAsync(cancellationToken))
        {
            if (entry.Kpi == kpi)
            {
                last[(entry.Unit, entry.Period)] = entry;
            }
        }

        return last;
    }

    /// <summary>
    /// Every entry, oldest first. The file only grows, so what was parsed stands while its length is unchanged: a
    /// page that asks three times reads the file once, and only again after someone saved a figure.
    /// </summary>
    private async Task<IReadOnlyList<AuditEntry>> EntriesAsync(CancellationToken cancellationToken)
    {
        var file = new FileInfo(_path);
        if (!file.Exists)
        {
            return [];
        }

        var parsed = Volatile.Read(ref _parsed);
        if (parsed?.Length == file.Length)
        {
            return parsed.Entries;
        }

        var entries = (await File.ReadAllLinesAsync(_path, cancellationToken))
            .Where(l => l.Length > 0)
            .Select(l => JsonSerializer.Deserialize<AuditEntry>(l, Json)!)
            .ToList();
        Volatile.Write(ref _parsed, new Parsed(file.Length, entries));
        return entries;
    }

    private sealed record Parsed(long Length, IReadOnlyList<AuditEntry> Entries);

    public void Dispose() => _gate.Dispose();
}
