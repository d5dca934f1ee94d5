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
    public async Task<IReadOnlyList<AuditEntry>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        var lines = await ReadAsync(cancellationToken);
        return lines.Reverse().Take(count).Select(l => JsonSerializer.Deserialize<AuditEntry>(l, Json)!).ToList();
    }

    /// <summary>The last manual change of each figure (unit and period's first day) of one KPI.</summary>
    public async Task<IReadOnlyDictionary<(string Unit, DateOnly Period), AuditEntry>> LastChangesAsync(string kpi, CancellationToken cancellationToken)
    {
        var last = new Dictionary<(string Unit, DateOnly Period), AuditEntry>();
        foreach (string line in await ReadAsync(cancellationToken))
        {
            var entry = JsonSerializer.Deserialize<AuditEntry>(line, Json)!;
            if (entry.Kpi == kpi)
            {
                last[(entry.Unit, entry.Period)] = entry;
            }
        }

        return last;
    }

    private async Task<string[]> ReadAsync(CancellationToken cancellationToken) =>
        File.Exists(_path) ? await File.ReadAllLinesAsync(_path, cancellationToken) : [];

    public void Dispose() => _gate.Dispose();
}
